type Props = { value: number; label: string; message?: string | null };

/** Progress of a long action, in percent, with the step it is at. */
export function ProgressBar({ value, label, message }: Props) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={message ? `${percent}% – ${message}` : `${percent}%`}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {message ? (
        <p className="progress-message" aria-live="polite">
          {message}
        </p>
      ) : null}
    </div>
  );
}

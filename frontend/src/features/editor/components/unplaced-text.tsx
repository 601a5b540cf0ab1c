import { Button } from '@/components/ui/button';

type Props = { texts: readonly string[]; onDismiss: (index: number) => void };

/** CV text the extractor could not place in a section: shown, never silently dropped. */
export function UnplacedText({ texts, onDismiss }: Props) {
  if (texts.length === 0) return null;
  return (
    <section aria-labelledby="unplaced-heading" className="panel unplaced">
      <h3 id="unplaced-heading">Text we could not place</h3>
      <p className="hint">These lines of your CV fitted no section. Copy what you need into a section above, then dismiss it.</p>
      <ul>
        {texts.map((text, index) => (
          <li key={`${index}:${text.slice(0, 20)}`}>
            <blockquote>{text}</blockquote>
            <Button variant="quiet" onClick={() => onDismiss(index)} aria-label={`Dismiss: ${text.slice(0, 40)}`}>
              Dismiss
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { ComponentProps } from 'react';

type Props = ComponentProps<'button'> & { variant?: 'primary' | 'secondary' | 'danger' | 'quiet'; busy?: boolean };

export function Button({ variant = 'primary', busy = false, className, children, disabled, type = 'button', ...rest }: Props) {
  return (
    <button {...rest} type={type} className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} disabled={disabled || busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}

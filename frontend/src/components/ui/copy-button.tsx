import { useState } from 'react';
import { Button } from './button';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          );
        }}
      >
        {label}
      </Button>
      <span role="status" className="hint">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy; select the address and copy it yourself.' : ''}
      </span>
    </>
  );
}

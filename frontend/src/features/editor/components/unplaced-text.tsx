import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

type Props = { texts: readonly string[]; onDismiss: (index: number) => void };

/** CV text the extractor could not place in a section: shown first, never silently dropped. */
export function UnplacedText({ texts, onDismiss }: Props) {
  // After a dismissal the keyboard goes to the next line (or the one before), or to the
  // heading once none is left, never to the page's body.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    (buttons?.length ? buttons[Math.min(focusIndex, buttons.length - 1)]! : heading.current)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);
  if (texts.length === 0 && !dismissed) return null;
  return (
    <section aria-labelledby="unplaced-heading" className="panel unplaced">
      <h3 id="unplaced-heading" ref={heading} tabIndex={-1}>
        Text we could not place
      </h3>
      {texts.length === 0 ? (
        <p>Nothing left to place.</p>
      ) : (
        <>
          <p className="hint">These lines of your CV fitted no section. Copy what you need into a section below, then dismiss it.</p>
          <ul ref={list}>
            {texts.map((text, index) => (
              <li key={`${index}:${text.slice(0, 20)}`}>
                <blockquote>{text}</blockquote>
                <Button
                  variant="quiet"
                  onClick={() => {
                    onDismiss(index);
                    setFocusIndex(index);
                    setDismissed(true);
                  }}
                  aria-label={`Dismiss: ${text.slice(0, 40)}`}
                >
                  Dismiss
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

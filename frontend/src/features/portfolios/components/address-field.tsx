import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { fieldErrors } from '@/lib/field-errors';
import { messageOf } from '@/lib/api-client';
import { useUpdatePortfolio } from '../api/save-portfolio';
import type { Portfolio } from '@r2w/cv-schema/api';

/** The public address (slug) of the site; checked by the API (format, taken). */
export function AddressField({ portfolio }: { portfolio: Portfolio }) {
  const [slug, setSlug] = useState(portfolio.slug ?? '');
  const update = useUpdatePortfolio(portfolio.id);
  useEffect(() => setSlug(portfolio.slug ?? ''), [portfolio.slug]);
  const error = update.error ? (fieldErrors(update.error).slug ?? messageOf(update.error)) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ slug: slug.trim() === '' ? null : slug.trim().toLowerCase() });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <Field
        label="Site address"
        hint="Lower-case letters, digits and dashes, e.g. jane-doe. Leave empty to have one made from your name."
        value={slug}
        onChange={(event) => setSlug(event.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" variant="secondary" busy={update.isPending} disabled={slug === (portfolio.slug ?? '')}>
        Save address
      </Button>
    </form>
  );
}

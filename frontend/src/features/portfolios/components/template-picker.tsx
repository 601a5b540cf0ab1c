import type { TemplateId } from '@r2w/cv-schema/api';
import { ErrorNote } from '@/components/ui/error-note';
import { useTemplates } from '../api/list-templates';
import { TemplateThumbnail } from './template-thumbnail';

type Props = { value: TemplateId; onChange: (templateId: TemplateId) => void; disabled?: boolean };

export function TemplatePicker({ value, onChange, disabled }: Props) {
  const templates = useTemplates();
  if (templates.error) return <ErrorNote error={templates.error} />;
  return (
    <fieldset className="template-picker" disabled={disabled}>
      <legend>Template</legend>
      {(templates.data ?? []).map((template) => (
        <label key={template.id} className={template.id === value ? 'template-option selected' : 'template-option'}>
          <TemplateThumbnail previewUrl={template.previewUrl} />
          <span className="template-option-text">
            <input type="radio" name="template" value={template.id} checked={template.id === value} onChange={() => onChange(template.id)} />
            <span>
              <strong>{template.name}</strong>
              <span className="hint">{template.description}</span>
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

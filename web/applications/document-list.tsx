import type { Attachment } from '../../schema';
import { AttachmentThumbnail } from '../components/attachment-thumbnail';
import type { ApplicationMessageKey } from './application-messages';
import { documentKinds } from './form-values';
import type { StepProps } from './step-props';

function kindLabel(kind: Attachment['kind'], words: StepProps['words']): string {
  return (documentKinds as readonly string[]).includes(kind) ? words.m(`documents.kind.${kind}` as ApplicationMessageKey) : kind;
}

/** The documents of a household or an application, as thumbnails with what each one is. */
export function DocumentList({ attachments, words }: { attachments: readonly Attachment[]; words: StepProps['words'] }) {
  const { m } = words;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{m('application.documents')}</h2>
      {attachments.length === 0 ? (
        <p class="empty">{m('application.noDocuments')}</p>
      ) : (
        <ul class="document-list">
          {attachments.map((attachment) => {
            const label = kindLabel(attachment.kind, words);
            const sameKind = attachments.filter((a) => a.kind === attachment.kind);
            const caption = sameKind.length > 1 ? `${label} ${sameKind.indexOf(attachment) + 1}` : label;
            return (
              <li key={attachment.id}>
                <figure>
                  <AttachmentThumbnail sha256={attachment.sha256} mimeType={attachment.mimeType} alt={caption} />
                  {/* The image's alt text already says it; the caption is for the eye. */}
                  <figcaption aria-hidden="true">{caption}</figcaption>
                </figure>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

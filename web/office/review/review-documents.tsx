import type { Attachment } from '../../../schema';
import type { ApplicationMessageKey } from '../../applications/application-messages';
import { documentKinds } from '../../applications/form-values';
import { AttachmentThumbnail } from '../../components/attachment-thumbnail';
import { useAttachmentView } from '../../photos/use-attachment-url';
import type { AppWords, ReviewWords } from './decision-panel';

function kindLabel(kind: Attachment['kind'], app: AppWords): string {
  return (documentKinds as readonly string[]).includes(kind) ? app.m(`documents.kind.${kind}` as ApplicationMessageKey) : kind;
}

/**
 * One document, large enough to read a KTP's digits on a desktop, and a link that opens it at
 * full size in its own tab (the bytes are on the device, so this works offline too).
 */
function ReviewDocument({ attachment, caption, words }: { attachment: Attachment; caption: string; words: ReviewWords }) {
  const view = useAttachmentView(attachment.sha256);
  const isImage = attachment.mimeType.startsWith('image/');
  return (
    <figure class="review-document">
      {view.state === 'ready' && isImage ? <img src={view.url} alt={caption} decoding="async" /> : <AttachmentThumbnail sha256={attachment.sha256} mimeType={attachment.mimeType} alt={caption} />}
      <figcaption>
        {caption}
        {view.state === 'ready' && isImage && (
          <>
            {' · '}
            <a href={view.url} target="_blank" rel="noopener">
              {words.m('review.openFullSize', { name: caption })}
            </a>
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** The household's and the application's documents, as the reviewer needs to read them. */
export function ReviewDocuments({ attachments, words, app }: { attachments: readonly Attachment[]; words: ReviewWords; app: AppWords }) {
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{app.m('application.documents')}</h2>
      {attachments.length === 0 ? (
        <p class="empty">{app.m('application.noDocuments')}</p>
      ) : (
        <ul class="review-documents">
          {attachments.map((attachment) => {
            const label = kindLabel(attachment.kind, app);
            const sameKind = attachments.filter((a) => a.kind === attachment.kind);
            const caption = sameKind.length > 1 ? `${label} ${sameKind.indexOf(attachment) + 1}` : label;
            return (
              <li key={attachment.id}>
                <ReviewDocument attachment={attachment} caption={caption} words={words} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { defineMessages, useFeatureMessages } from '../i18n/feature-messages';
import { useAttachmentView } from '../photos/use-attachment-url';
import './photos.css';

const messages = defineMessages(
  { loading: 'Memuat…', unavailable: 'Belum tersedia di perangkat ini', openPdf: 'Buka PDF' },
  { loading: 'Loading…', unavailable: 'Not available on this device yet', openPdf: 'Open PDF' },
);

interface AttachmentThumbnailProps {
  sha256: string;
  /** What the photo shows, for people who cannot see it ("ID card, photo 1"). */
  alt: string;
  mimeType?: string;
}

/** A small view of an attachment's bytes: the image, or a link to open a PDF. */
export function AttachmentThumbnail({ sha256, alt, mimeType }: AttachmentThumbnailProps) {
  const { m } = useFeatureMessages(messages);
  const view = useAttachmentView(sha256);
  if (view.state !== 'ready') {
    return (
      <span class="attachment-thumbnail attachment-thumbnail--empty" role="img" aria-label={`${alt}: ${m(view.state)}`}>
        {m(view.state)}
      </span>
    );
  }
  if ((mimeType ?? view.mimeType) === 'application/pdf') {
    return (
      <a class="attachment-thumbnail attachment-thumbnail--document" href={view.url} target="_blank" rel="noopener">
        <span aria-hidden="true">PDF</span>
        <span class="visually-hidden">
          {m('openPdf')}: {alt}
        </span>
      </a>
    );
  }
  return <img class="attachment-thumbnail" src={view.url} alt={alt} loading="lazy" decoding="async" />;
}

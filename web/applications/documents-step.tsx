import { PhotoCapture } from '../components/photo-capture';
import { Notes, describedBy } from './form-controls';
import { documentKinds } from './form-values';
import type { StepProps } from './step-props';

/** Step 4: photos of the KTP, the family card and the income letter. */
export function DocumentsStep({ values, update, notes, words }: StepProps) {
  const { m } = words;
  const whole = notes('photos');
  return (
    <>
      <p id="app-photos-intro" class="note">
        {m('documents.intro')}
      </p>
      <Notes id="app-photos" notes={whole} />
      {documentKinds.map((kind) => (
        <PhotoCapture
          key={kind}
          id={`app-photos-${kind}`}
          label={m(`documents.kind.${kind}`)}
          photos={values.photos[kind]}
          // The camera opens at once for the cards; a letter may come as a PDF from the files.
          accept={kind === 'income_letter' ? 'image/*,application/pdf' : undefined}
          describedBy={describedBy('app-photos', whole, 'app-photos-intro')}
          onChange={(photos) => update((v) => ({ ...v, photos: { ...v.photos, [kind]: photos } }), 'photos')}
        />
      ))}
    </>
  );
}

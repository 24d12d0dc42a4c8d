import type { ApplicationEvent } from '../../schema';
import type { StepProps } from './step-props';
import { fieldLabel } from './words';

/** The office's comments on fields, each under the field's name in the officer's language. */
export function FieldCommentList({ comments, words }: { comments: Record<string, string>; words: StepProps['words'] }) {
  const entries = Object.entries(comments);
  if (entries.length === 0) return null;
  return (
    <ul class="event__fields">
      {entries.map(([field, text]) => (
        <li key={field}>
          <strong>{fieldLabel(field, words)}</strong>: {text}
        </li>
      ))}
    </ul>
  );
}

/** Every status move of an application, newest first: who, when, and what they said. */
export function ApplicationHistory({ events, words }: { events: readonly ApplicationEvent[]; words: StepProps['words'] }) {
  const { m, formatDateTime } = words;
  return (
    <section aria-labelledby="application-history">
      <h2 id="application-history">{m('application.history')}</h2>
      {events.length === 0 ? (
        <p class="empty">{m('application.noHistory')}</p>
      ) : (
        <ol class="event-list" reversed>
          {events.map((event) => (
            <li key={event.id}>
              <p class="event__move">
                {event.fromStatus
                  ? m('application.eventMove', { from: m(`status.${event.fromStatus}`), to: m(`status.${event.toStatus}`) })
                  : m('application.eventFirst', { to: m(`status.${event.toStatus}`) })}
              </p>
              <p class="event__meta">{m('application.eventBy', { name: event.actorName, time: formatDateTime(event.at) })}</p>
              {event.comment.trim() && <p class="event__comment">{event.comment}</p>}
              {Object.keys(event.fieldComments).length > 0 && (
                <>
                  <p>{m('application.fieldComments')}:</p>
                  <FieldCommentList comments={event.fieldComments} words={words} />
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import type { ApplicationStatus } from '../../schema';
import type { StepProps } from './step-props';

/** An application's status in words (the colour only repeats it). */
export function StatusBadge({ status, words }: { status: ApplicationStatus; words: StepProps['words'] }) {
  return <span class={`application-status application-status--${status}`}>{words.m(`status.${status}`)}</span>;
}

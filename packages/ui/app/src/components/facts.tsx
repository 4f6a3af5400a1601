import type { ComponentChildren } from 'preact';

/** One figure: a key for tests and styling, its label, and what to show. */
export type Fact = [key: string, label: string, value: ComponentChildren];

/** A grid of labelled figures (a session's, an agent's, the sync's). */
export function Facts({ facts, ...data }: { facts: Fact[] } & Record<`data-${string}`, string>) {
  return (
    <dl class="facts" {...data}>
      {facts.map(([key, label, value]) => (
        <div key={key} data-fact={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

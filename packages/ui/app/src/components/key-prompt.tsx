import { useEffect, useRef, useState } from 'preact/hooks';
import { submitKey } from '../lib/auth';

/**
 * Asks for the dashboard's API key once per tab. The key goes to sessionStorage (gone when the
 * tab closes) and is sent as `Authorization: Bearer`.
 */
export function KeyPrompt({ rejected }: { rejected: boolean }) {
  const [key, setKey] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="key-title">
      <form
        class="key-prompt"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim() !== '') submitKey(key.trim());
        }}
      >
        <h2 id="key-title">API key</h2>
        <p>This dashboard needs an API key. It is kept for this tab only.</p>
        {rejected && (
          <p class="bad" role="alert">
            That key was not accepted.
          </p>
        )}
        <label>
          Key{' '}
          <input
            ref={input}
            name="api-key"
            type="password"
            autoComplete="off"
            value={key}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Continue</button>
      </form>
    </div>
  );
}

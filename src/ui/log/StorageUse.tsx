import { useEffect, useState } from 'react';
import { useLog } from '../../state/stores';
import { usePaced } from '../paced';

const size = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} kB`;

type Persist = 'unknown' | 'granted' | 'refused' | 'unsupported';

/**
 * How much of the browser's storage the lab uses, and a request to keep it: without persistent
 * storage a browser may clear a site's data when space runs low, and the log would go with it.
 */
export const StorageUse = () => {
  const head = usePaced(useLog, (s) => s.head, 2_000);
  const [use, setUse] = useState<{ usage: number; quota: number } | null>(null);
  const [persist, setPersist] = useState<Persist>('unknown');
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;

  useEffect(() => {
    let live = true;
    // Re-measured as the log grows, a few times at most during a burst.
    const timer = setTimeout(() => {
      void storage?.estimate().then(({ usage = 0, quota = 0 }) => live && setUse({ usage, quota }));
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [storage, head]);

  useEffect(() => {
    void storage?.persisted().then((kept) => setPersist(kept ? 'granted' : 'unknown'));
  }, [storage]);

  if (!storage) return <p className="muted">This browser does not report its storage use.</p>;
  return (
    <div className="storage-use">
      <p className="muted">
        {use
          ? `Storage: ${size(use.usage)} used of the ${size(use.quota)} this browser allows this site.`
          : 'Measuring storage…'}
      </p>
      {persist === 'granted' ? (
        <p className="muted">This browser keeps this site’s data until you clear it.</p>
      ) : (
        <>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void storage
                .persist()
                .then((granted) => setPersist(granted ? 'granted' : 'refused'))
                .catch(() => setPersist('unsupported'))
            }
          >
            Keep my data
          </button>
          <p className="muted">
            {persist === 'refused'
              ? 'The browser did not grant it (browsers decide by how much a site is used): it may still clear this site’s data when space runs low. Export your log to keep a copy.'
              : persist === 'unsupported'
                ? 'This browser cannot keep data on request: export your log to keep a copy.'
                : 'Without it, a browser may clear this site’s data when space runs low; with it, the log stays until you clear it.'}
          </p>
        </>
      )}
    </div>
  );
};

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { CornerDownLeft } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { isApiError } from '@/lib/client/api-client';
import { describeError } from '@/lib/client/errors';
import { nodeQuery } from '@/lib/client/nodes';
import { browseHref } from '@/lib/client/urls';
import { checkPath } from '@/lib/shared/path';

/** Jump to any path: checked locally first, then for existence, so a typo never leaves the current node. */
export function PathBar({ connection, path }: { connection: string; path: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const [value, setValue] = useState(path);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target = value.trim();
    const check = checkPath(target);
    if (!check.ok) return setProblem(`Invalid path: ${check.reason}.`);
    setBusy(true);
    try {
      await client.fetchQuery(nodeQuery(connection, target));
      setProblem(null);
      router.push(browseHref(connection, target));
    } catch (error) {
      setProblem(isApiError(error, 'NO_NODE') ? `No node exists at ${target}.` : `${describeError(error).title}: ${describeError(error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form role="search" aria-label="Go to path" onSubmit={submit} className="relative flex w-[26rem] shrink-0 items-center gap-1">
      <input
        data-shortcut="path-bar"
        aria-label="Path"
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setValue(path);
            setProblem(null);
          }
        }}
        spellCheck={false}
        placeholder="/path/to/node"
        className={cn('h-7 min-w-0 flex-1 rounded-md border bg-bg px-2 font-mono text-sm', problem ? 'border-danger' : 'border-border')}
      />
      <Button type="submit" size="sm" disabled={busy}>
        <CornerDownLeft aria-hidden />
        Go
      </Button>
      {problem && (
        <p id={errorId} role="alert" className="absolute top-full right-0 left-0 z-30 mt-1 rounded-md border border-danger/40 bg-danger-soft px-2 py-1 text-xs shadow">
          {problem}
        </p>
      )}
    </form>
  );
}

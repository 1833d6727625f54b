'use client';

import { Download, Upload } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { base64ToBytes } from '@/lib/client/bytes';
import { DEFAULT_MAX_DATA_BYTES } from '@/lib/shared/limits';
import { baseName } from '@/lib/shared/path';
import { formatBytes } from '@/lib/shared/units';
import type { NodeResponse } from '@/lib/shared/wire';

/** The stored bytes exactly (compressed ones too), as a file named after the node. */
function download(node: NodeResponse): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(node.data.base64) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = node.path === '/' ? 'root' : baseName(node.path);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Download the value to a file, or take a file as the new value: the file's bytes become the
 * unsaved edit, saved like any other (over the version loaded, and only when the operator saves).
 */
export function ValueFileActions({ node, disabled, onUpload }: { node: NodeResponse; disabled: boolean; onUpload(bytes: Uint8Array): void }) {
  const input = useRef<HTMLInputElement>(null);
  const take = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > DEFAULT_MAX_DATA_BYTES) {
      toast.error(`${file.name} is too large to be a value`, { description: `It is ${formatBytes(file.size)}; ZooKeeper accepts at most ${formatBytes(DEFAULT_MAX_DATA_BYTES)}.` });
      return;
    }
    onUpload(new Uint8Array(await file.arrayBuffer()));
  };
  return (
    <>
      <Button size="icon" variant="ghost" aria-label="Download value" title="Download the value as stored, byte for byte" onClick={() => download(node)}>
        <Download />
      </Button>
      <Button size="icon" variant="ghost" aria-label="Upload a file as the value" title="Take a file as the new value (saved only when you save)" disabled={disabled} onClick={() => input.current?.click()}>
        <Upload />
      </Button>
      <input
        ref={input}
        type="file"
        aria-label="File to use as the value"
        className="hidden"
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </>
  );
}

'use client';

import { Download, Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { useFormat } from '@/lib/client/format';
import { base64ToBytes } from '@/lib/client/bytes';
import { DEFAULT_MAX_DATA_BYTES } from '@/lib/shared/limits';
import { baseName } from '@/lib/shared/path';
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
  const t = useTranslations('node.file');
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const take = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > DEFAULT_MAX_DATA_BYTES) {
      toast.error(t('tooLarge', { name: file.name }), { description: t('tooLargeHint', { size: format.bytes(file.size), max: format.bytes(DEFAULT_MAX_DATA_BYTES) }) });
      return;
    }
    onUpload(new Uint8Array(await file.arrayBuffer()));
  };
  return (
    <>
      <Button size="icon" variant="ghost" aria-label={t('download')} title={t('downloadTitle')} onClick={() => download(node)}>
        <Download />
      </Button>
      <Button size="icon" variant="ghost" aria-label={t('upload')} title={t('uploadTitle')} disabled={disabled} onClick={() => input.current?.click()}>
        <Upload />
      </Button>
      <input
        ref={input}
        type="file"
        aria-label={t('input')}
        className="hidden"
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </>
  );
}

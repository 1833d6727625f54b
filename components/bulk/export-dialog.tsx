'use client';

import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { exportUrl } from '@/lib/client/bulk';

/** Export a subtree: a download the server streams (the browser shows its progress and can cancel it). */
export function ExportDialog({ connection, path }: { connection: string; path: string }) {
  const [gzip, setGzip] = useState(true);
  return (
    <DialogContent title={`Export ${path}`} description="Every node of the subtree with its value, ACL and stat, as a Zooscope export file.">
      <div className="space-y-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Compress with gzip (.zkexport.gz)
        </label>
        <p className="text-xs text-muted">Nodes you may not read are listed in the file as unreadable, not left out. Ephemeral nodes are marked.</p>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Close</Button>
          </DialogClose>
          <a
            href={exportUrl(connection, path, gzip)}
            download
            className="inline-flex h-8 items-center gap-1.5 rounded-md bg-accent px-3 text-sm font-medium text-accent-fg hover:opacity-90 [&_svg]:size-4"
          >
            <Download aria-hidden />
            Download
          </a>
        </div>
      </div>
    </DialogContent>
  );
}

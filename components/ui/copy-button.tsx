'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from './button';

/** Copies `value` to the clipboard; `label` is the accessible name ("Copy path"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error('The browser refused access to the clipboard');
    }
  };
  return (
    <Button size="icon" variant="ghost" aria-label={label} title={label} onClick={copy}>
      {copied ? <Check className="text-ok" /> : <Copy />}
    </Button>
  );
}

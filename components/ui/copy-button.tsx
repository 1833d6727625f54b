'use client';

import { Check, Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from './button';

/** Copies `value` to the clipboard; `label` is the accessible name ("Copy path"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations('common');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error(t('clipboardRefused'));
    }
  };
  return (
    <Button size="icon" variant="ghost" aria-label={label} title={label} onClick={copy}>
      {copied ? <Check className="text-ok" /> : <Copy />}
    </Button>
  );
}

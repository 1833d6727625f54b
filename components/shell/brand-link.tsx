import Link from 'next/link';

/** The app's name and mark, linking home: the first thing in every page header. */
export function BrandLink() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
      <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs font-bold text-accent-fg">
        Z
      </span>
      <span className="max-sm:sr-only">Zooscope</span>
    </Link>
  );
}

interface BrandMarkProps {
  size?: number;
}

/** The product mark: a court building in gold on red. */
export function BrandMark({ size = 32 }: BrandMarkProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#a8071a" />
      <path
        d="M32 10 12 22h40L32 10Zm-16 16v4h32v-4H16Zm3 6v16h5V32h-5Zm10.5 0v16h5V32h-5Zm10.5 0v16h5V32h-5ZM14 50v4h36v-4H14Z"
        fill="#fadb14"
      />
    </svg>
  );
}

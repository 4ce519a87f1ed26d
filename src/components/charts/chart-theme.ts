/** Chart styling from the theme's CSS variables, so charts follow light and dark. */
export const axisTick = { fill: 'var(--muted-foreground)', fontSize: 12 };

export const tooltipContentStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  color: 'var(--foreground)',
};

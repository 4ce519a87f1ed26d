/** Chart styling from the theme's CSS variables, so charts follow light and dark. */
export const axisTick = { fill: 'var(--muted-foreground)', fontSize: 12 };

/** Today's date (YYYY-MM-DD) in China Standard Time, whatever the machine's time zone. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

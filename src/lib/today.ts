/** Today's date (YYYY-MM-DD) in China Standard Time, whatever the machine's time zone. */
export { todayInChina } from './calendar';

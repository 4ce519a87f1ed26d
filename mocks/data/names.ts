import type { Faker } from '@faker-js/faker';

/** An 18-digit resident ID number in the usual layout, with a valid check digit. */
export function idNumber(faker: Faker, year: number): string {
  const birthYear = year - faker.number.int({ min: 24, max: 58 });
  const body = `320583${birthYear}${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}${String(faker.number.int({ min: 1, max: 28 })).padStart(2, '0')}${faker.string.numeric(3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const namePrefixes = [
  '华创',
  '芯源',
  '博远',
  '智联',
  '恒瑞',
  '中科',
  '新锐',
  '卓越',
  '瑞鑫',
  '汇智',
  '昆仑',
  '鼎盛',
  '启明',
  '云帆',
  '正泰',
  '同创',
];
const nameTrades = [
  '电子科技',
  '精密机械',
  '生物医药',
  '新材料',
  '光电科技',
  '智能装备',
  '新能源科技',
  '半导体',
  '信息技术',
  '医疗器械',
];

export function enterpriseName(faker: Faker): string {
  return `昆山${faker.helpers.arrayElement(namePrefixes)}${faker.helpers.arrayElement(nameTrades)}有限公司`;
}

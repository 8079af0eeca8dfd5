export { type Currency, type CurrencyInput, MAX_MINOR_UNITS, currency, findCurrency, isoCurrencies, parseCurrency } from './currency.js';
export { MAX_INPUT_INTEGER_DIGITS, MAX_QUANTITY, MAX_RESULT_INTEGER_DIGITS, MAX_UNIT_PRICE_DECIMALS } from './bounds.js';
export { DEFAULT_ROUNDING, ROUNDING_MODES, type RoundingMode, isRoundingMode } from './rounding.js';
export {
  type AmountInput,
  type Money,
  type ParseMoneyOptions,
  type UnitPrice,
  formatMoney,
  isMoney,
  money,
  moneyFromMinor,
  parseMoney,
  parseUnitPrice,
  toMinorUnits,
  unitPrice,
} from './money.js';
export {
  type RatioPart,
  add,
  compare,
  equals,
  isNegative,
  isZero,
  lineTotal,
  max,
  min,
  multiply,
  multiplyByRatio,
  percentage,
  roundToMinor,
  subtract,
  sum,
} from './arithmetic.js';
export { type Weight, allocate } from './allocate.js';

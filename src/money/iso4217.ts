/**
 * Active ISO 4217 currency codes and their minor units (decimal places),
 * from the ISO 4217 "List One" as published in 2025. Codes without minor
 * units (precious metals, testing codes, SDR) are not money here and are left out.
 *
 * Kept as data only: lookups live in `currency.ts`.
 */
export const ISO_4217_MINOR_UNITS: Readonly<Record<string, 0 | 2 | 3 | 4>> = Object.freeze({
  AED: 2, // UAE dirham
  AFN: 2, // Afghan afghani
  ALL: 2, // Albanian lek
  AMD: 2, // Armenian dram
  AOA: 2, // Angolan kwanza
  ARS: 2, // Argentine peso
  AUD: 2, // Australian dollar
  AWG: 2, // Aruban florin
  AZN: 2, // Azerbaijani manat
  BAM: 2, // Bosnia and Herzegovina convertible mark
  BBD: 2, // Barbados dollar
  BDT: 2, // Bangladeshi taka
  BGN: 2, // Bulgarian lev
  BHD: 3, // Bahraini dinar
  BIF: 0, // Burundian franc
  BMD: 2, // Bermudian dollar
  BND: 2, // Brunei dollar
  BOB: 2, // Bolivian boliviano
  BOV: 2, // Bolivian Mvdol (funds code)
  BRL: 2, // Brazilian real
  BSD: 2, // Bahamian dollar
  BTN: 2, // Bhutanese ngultrum
  BWP: 2, // Botswana pula
  BYN: 2, // Belarusian ruble
  BZD: 2, // Belize dollar
  CAD: 2, // Canadian dollar
  CDF: 2, // Congolese franc
  CHE: 2, // WIR euro (complementary currency)
  CHF: 2, // Swiss franc
  CHW: 2, // WIR franc (complementary currency)
  CLF: 4, // Chilean Unidad de Fomento (funds code)
  CLP: 0, // Chilean peso
  CNY: 2, // Chinese yuan renminbi
  COP: 2, // Colombian peso
  COU: 2, // Colombian Unidad de Valor Real (funds code)
  CRC: 2, // Costa Rican colon
  CUP: 2, // Cuban peso
  CVE: 2, // Cabo Verde escudo
  CZK: 2, // Czech koruna
  DJF: 0, // Djiboutian franc
  DKK: 2, // Danish krone
  DOP: 2, // Dominican peso
  DZD: 2, // Algerian dinar
  EGP: 2, // Egyptian pound
  ERN: 2, // Eritrean nakfa
  ETB: 2, // Ethiopian birr
  EUR: 2, // Euro
  FJD: 2, // Fiji dollar
  FKP: 2, // Falkland Islands pound
  GBP: 2, // Pound sterling
  GEL: 2, // Georgian lari
  GHS: 2, // Ghana cedi
  GIP: 2, // Gibraltar pound
  GMD: 2, // Gambian dalasi
  GNF: 0, // Guinean franc
  GTQ: 2, // Guatemalan quetzal
  GYD: 2, // Guyana dollar
  HKD: 2, // Hong Kong dollar
  HNL: 2, // Honduran lempira
  HTG: 2, // Haitian gourde
  HUF: 2, // Hungarian forint
  IDR: 2, // Indonesian rupiah
  ILS: 2, // Israeli new shekel
  INR: 2, // Indian rupee
  IQD: 3, // Iraqi dinar
  IRR: 2, // Iranian rial
  ISK: 0, // Icelandic krona
  JMD: 2, // Jamaican dollar
  JOD: 3, // Jordanian dinar
  JPY: 0, // Japanese yen
  KES: 2, // Kenyan shilling
  KGS: 2, // Kyrgyzstani som
  KHR: 2, // Cambodian riel
  KMF: 0, // Comorian franc
  KPW: 2, // North Korean won
  KRW: 0, // South Korean won
  KWD: 3, // Kuwaiti dinar
  KYD: 2, // Cayman Islands dollar
  KZT: 2, // Kazakhstani tenge
  LAK: 2, // Lao kip
  LBP: 2, // Lebanese pound
  LKR: 2, // Sri Lanka rupee
  LRD: 2, // Liberian dollar
  LSL: 2, // Lesotho loti
  LYD: 3, // Libyan dinar
  MAD: 2, // Moroccan dirham
  MDL: 2, // Moldovan leu
  MGA: 2, // Malagasy ariary
  MKD: 2, // Macedonian denar
  MMK: 2, // Myanmar kyat
  MNT: 2, // Mongolian tugrik
  MOP: 2, // Macanese pataca
  MRU: 2, // Mauritanian ouguiya
  MUR: 2, // Mauritius rupee
  MVR: 2, // Maldivian rufiyaa
  MWK: 2, // Malawian kwacha
  MXN: 2, // Mexican peso
  MXV: 2, // Mexican Unidad de Inversion (funds code)
  MYR: 2, // Malaysian ringgit
  MZN: 2, // Mozambican metical
  NAD: 2, // Namibia dollar
  NGN: 2, // Nigerian naira
  NIO: 2, // Nicaraguan cordoba oro
  NOK: 2, // Norwegian krone
  NPR: 2, // Nepalese rupee
  NZD: 2, // New Zealand dollar
  OMR: 3, // Omani rial
  PAB: 2, // Panamanian balboa
  PEN: 2, // Peruvian sol
  PGK: 2, // Papua New Guinean kina
  PHP: 2, // Philippine peso
  PKR: 2, // Pakistan rupee
  PLN: 2, // Polish zloty
  PYG: 0, // Paraguayan guarani
  QAR: 2, // Qatari riyal
  RON: 2, // Romanian leu
  RSD: 2, // Serbian dinar
  RUB: 2, // Russian ruble
  RWF: 0, // Rwandan franc
  SAR: 2, // Saudi riyal
  SBD: 2, // Solomon Islands dollar
  SCR: 2, // Seychelles rupee
  SDG: 2, // Sudanese pound
  SEK: 2, // Swedish krona
  SGD: 2, // Singapore dollar
  SHP: 2, // Saint Helena pound
  SLE: 2, // Sierra Leonean leone
  SOS: 2, // Somali shilling
  SRD: 2, // Surinam dollar
  SSP: 2, // South Sudanese pound
  STN: 2, // Sao Tome and Principe dobra
  SVC: 2, // El Salvador colon
  SYP: 2, // Syrian pound
  SZL: 2, // Eswatini lilangeni
  THB: 2, // Thai baht
  TJS: 2, // Tajikistani somoni
  TMT: 2, // Turkmenistan new manat
  TND: 3, // Tunisian dinar
  TOP: 2, // Tongan pa'anga
  TRY: 2, // Turkish lira
  TTD: 2, // Trinidad and Tobago dollar
  TWD: 2, // New Taiwan dollar
  TZS: 2, // Tanzanian shilling
  UAH: 2, // Ukrainian hryvnia
  UGX: 0, // Uganda shilling
  USD: 2, // US dollar
  USN: 2, // US dollar, next day (funds code)
  UYI: 0, // Uruguay peso en Unidades Indexadas (funds code)
  UYU: 2, // Uruguayan peso
  UYW: 4, // Uruguayan Unidad Previsional
  UZS: 2, // Uzbekistan sum
  VED: 2, // Venezuelan bolivar digital
  VES: 2, // Venezuelan bolivar soberano
  VND: 0, // Vietnamese dong
  VUV: 0, // Vanuatu vatu
  WST: 2, // Samoan tala
  XAF: 0, // CFA franc BEAC (Central Africa)
  XCD: 2, // East Caribbean dollar
  XCG: 2, // Caribbean guilder
  XOF: 0, // CFA franc BCEAO (West Africa)
  XPF: 0, // CFP franc
  YER: 2, // Yemeni rial
  ZAR: 2, // South African rand
  ZMW: 2, // Zambian kwacha
  ZWG: 2, // Zimbabwe Gold
});

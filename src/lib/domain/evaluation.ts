/** Who scored: the platform itself, city officials, or external experts. */
export const EVALUATOR_TYPES = ['self', 'official', 'expert'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];

/** What the self-evaluation is compared with: the two external sources' mean, or one of them. */
export const EXTERNAL_SOURCES = ['mean', 'official', 'expert'] as const;
export type ExternalSource = (typeof EXTERNAL_SOURCES)[number];

/** Which total the trend view follows: the external comparison, or one source. */
export const TREND_SOURCES = ['external', ...EVALUATOR_TYPES] as const;
export type TrendSource = (typeof TREND_SOURCES)[number];

export function isEvaluatorType(value: string): value is EvaluatorType {
	return (EVALUATOR_TYPES as readonly string[]).includes(value);
}

/**
 * How evaluator types appear in exports. Matched after trimming, NFC and lower-casing, so
 * `자체평가`, `Self` and ` 자체 ` all mean self.
 */
export const EVALUATOR_TYPE_ALIASES: Readonly<Record<EvaluatorType, readonly string[]>> = {
	self: ['self', '자체', '자체평가', '당사자', '당사자평가', '플랫폼'],
	official: ['official', '공무원', '공무원평가', '시', '서울시', '담당공무원'],
	expert: ['expert', '외부전문가', '외부전문가평가', '전문가', '전문가평가', '외부']
};

/** The five-digit code used for budget lines the city runs itself (서울시, 본청). */
export const CITY_CODE = '11000';

/** Names by which the city itself appears in the district column of budget exports. */
export const CITY_ALIASES: readonly string[] = [
	'서울시',
	'서울특별시',
	'본청',
	'시본청',
	'seoul',
	'city'
];

// Every user-visible string. Korean is the source; English must have exactly the same keys.
// `{name}` placeholders are filled by `translate` and always rendered as text.

export const ko = {
	'app.title': '시민협력플랫폼 평가 대시보드',
	'app.subtitle': '서울시 자치구 시민협력플랫폼의 자체·공무원·외부전문가 평가와 예산 집행',
	'app.skipToContent': '본문으로 건너뛰기',
	'app.language': '언어',
	'app.switchLanguage': 'English',
	'app.sampleNotice': '예시 데이터(합성)를 보고 있습니다.',

	'status.loadingEngine': '분석 엔진(DuckDB)을 불러오는 중…',
	'status.loadingData': '데이터를 불러오는 중…',
	'status.ready': '{rows}개 평가 행과 {budgetRows}개 예산 행을 불러왔습니다.',
	'status.failed': '데이터를 불러오지 못했습니다: {message}',
	'status.noData': '선택한 조건에 맞는 평가 자료가 없습니다.',

	'filters.title': '필터',
	'filters.years': '연도',
	'filters.districts': '자치구',
	'filters.evaluatorTypes': '평가주체',
	'filters.areas': '평가영역',
	'filters.all': '전체',
	'filters.reset': '필터 초기화',
	'filters.summaryAll': '전체',
	'filters.selectedCount': '{count}개 선택',

	'evaluator.self': '자체평가',
	'evaluator.official': '공무원평가',
	'evaluator.expert': '외부전문가평가',

	'headline.title': '주요 지표',
	'headline.avgScore': '{type} 평균',
	'headline.gap': '자체 − 외부 평균 격차',
	'headline.gapNote': '자체평가 총점에서 공무원·외부전문가 총점 평균을 뺀 값의 자치구 평균',
	'headline.budget': '예산 / 집행률',
	'headline.budgetNote': '예산 {planned} 중 {spent} 집행 (자치구 사업, 서울시 본청 사업 제외)',
	'headline.districts': '자치구 {count}곳 기준',

	'gapChart.title': '자치구별 평가주체별 총점',
	'gapChart.subtitle': '총점 = 점수 합 ÷ 배점 합 × 100 · {filters}',
	'gapChart.axis': '총점 (점)',
	'gapChart.range': '최저–최고 범위',
	'gapChart.description':
		'{count}개 자치구의 평가주체별 총점 점 그래프. 자체평가가 외부평가 평균보다 낮은 자치구 {lower}곳, 높은 자치구 {higher}곳. 격차가 가장 큰 곳은 {widest}({widestGap})입니다.',
	'gapChart.descriptionEmpty': '표시할 자료가 없습니다.',

	'table.show': '데이터 표 보기',
	'table.hide': '데이터 표 숨기기',
	'table.district': '자치구',
	'table.gap': '격차 (자체 − 외부)',
	'table.caption': '{title} ({filters})',

	'units.points': '{value}점',
	'units.won': '{value}원',
	'units.missing': '–',

	'import.issue.missing': '{column} 값이 비어 있습니다.',
	'import.issue.invalid-year': '연도 "{value}"를 읽을 수 없습니다 (2000–2100 사이의 정수).',
	'import.issue.unknown-district': '"{value}"은(는) 서울시 자치구가 아닙니다.',
	'import.issue.unknown-evaluator-type':
		'평가주체 "{value}"을(를) 알 수 없습니다 (자체, 공무원, 외부전문가 중 하나).',
	'import.issue.invalid-number': '{column} "{value}"은(는) 숫자가 아닙니다.',
	'import.issue.negative': '{column} {value}은(는) 0보다 작을 수 없습니다.',
	'import.issue.not-positive': '{column} {value}은(는) 0보다 커야 합니다.',
	'import.issue.score-above-max': '점수 {value}가 배점 {detail}보다 큽니다.',
	'import.issue.unknown-headers':
		'머리글을 알아볼 수 없습니다. 평가 파일(연도, 자치구, 평가주체, 평가지표, 점수, 배점) 또는 예산 파일(회계연도, 자치구, 사업명, 세부항목, 예산액, 집행액)인지 확인해 주세요.',
	'import.issue.empty-file': '파일이 비어 있습니다.',
	'import.issueLocation': '{file} {line}행 {column}열',
	'import.title': '파일 추가',
	'import.choose': 'CSV 파일 선택',
	'import.hint': '평가 또는 예산 CSV(UTF-8, CP949, UTF-16). 오류가 있는 파일은 가져오지 않습니다.',
	'import.imported': '{file}: {rows}행을 가져왔습니다 ({kind}, {encoding}).',
	'import.refused': '{file}: 가져오지 않았습니다. 문제 {count}건.',
	'import.kind.evaluations': '평가',
	'import.kind.budget': '예산',
	'import.issueTable': '{file}의 문제',
	'import.col.location': '위치',
	'import.col.value': '값',
	'import.col.message': '내용'
} as const;

export type MessageKey = keyof typeof ko;

export const en: Record<MessageKey, string> = {
	'app.title': 'Citizen Cooperation Platform Evaluation',
	'app.subtitle':
		'Self, official and expert evaluations and budget use of the Seoul district platforms',
	'app.skipToContent': 'Skip to content',
	'app.language': 'Language',
	'app.switchLanguage': '한국어',
	'app.sampleNotice': 'You are looking at sample (synthetic) data.',

	'status.loadingEngine': 'Loading the analysis engine (DuckDB)…',
	'status.loadingData': 'Loading data…',
	'status.ready': 'Loaded {rows} evaluation rows and {budgetRows} budget rows.',
	'status.failed': 'Could not load the data: {message}',
	'status.noData': 'No evaluation data matches the selected filters.',

	'filters.title': 'Filters',
	'filters.years': 'Years',
	'filters.districts': 'Districts',
	'filters.evaluatorTypes': 'Evaluators',
	'filters.areas': 'Evaluation areas',
	'filters.all': 'All',
	'filters.reset': 'Reset filters',
	'filters.summaryAll': 'all',
	'filters.selectedCount': '{count} selected',

	'evaluator.self': 'Self',
	'evaluator.official': 'Official',
	'evaluator.expert': 'Expert',

	'headline.title': 'Key figures',
	'headline.avgScore': '{type} average',
	'headline.gap': 'Self − external gap',
	'headline.gapNote':
		'Mean over districts of the self total minus the mean of the official and expert totals',
	'headline.budget': 'Budget / execution',
	'headline.budgetNote':
		'{spent} spent of {planned} planned (district programs, city-run excluded)',
	'headline.districts': 'over {count} districts',

	'gapChart.title': 'Total score by district and evaluator',
	'gapChart.subtitle': 'Total = sum of scores ÷ sum of maximum scores × 100 · {filters}',
	'gapChart.axis': 'Total score (points)',
	'gapChart.range': 'Lowest–highest range',
	'gapChart.description':
		'Dot chart of total scores by evaluator for {count} districts. Self-evaluation is below the external mean in {lower} districts and above it in {higher}. The widest gap is {widest} ({widestGap}).',
	'gapChart.descriptionEmpty': 'No data to show.',

	'table.show': 'Show data table',
	'table.hide': 'Hide data table',
	'table.district': 'District',
	'table.gap': 'Gap (self − external)',
	'table.caption': '{title} ({filters})',

	'units.points': '{value} pts',
	'units.won': '₩{value}',
	'units.missing': '–',

	'import.issue.missing': '{column} is empty.',
	'import.issue.invalid-year': 'Cannot read year "{value}" (a whole number from 2000 to 2100).',
	'import.issue.unknown-district': '"{value}" is not a Seoul district.',
	'import.issue.unknown-evaluator-type':
		'Unknown evaluator type "{value}" (one of self, official, expert).',
	'import.issue.invalid-number': '{column} "{value}" is not a number.',
	'import.issue.negative': '{column} {value} cannot be below 0.',
	'import.issue.not-positive': '{column} {value} must be above 0.',
	'import.issue.score-above-max': 'Score {value} is above the maximum of {detail}.',
	'import.issue.unknown-headers':
		'Headers not recognized. Is this an evaluation file (year, district, evaluator type, indicator, score, max score) or a budget file (year, district, program, item, planned, spent)?',
	'import.issue.empty-file': 'The file is empty.',
	'import.issueLocation': '{file} line {line}, column {column}',
	'import.title': 'Add files',
	'import.choose': 'Choose CSV files',
	'import.hint':
		'Evaluation or budget CSV (UTF-8, CP949, UTF-16). A file with errors is not imported.',
	'import.imported': '{file}: imported {rows} rows ({kind}, {encoding}).',
	'import.refused': '{file}: not imported. {count} problems.',
	'import.kind.evaluations': 'evaluations',
	'import.kind.budget': 'budget',
	'import.issueTable': 'Problems in {file}',
	'import.col.location': 'Where',
	'import.col.value': 'Value',
	'import.col.message': 'Problem'
};

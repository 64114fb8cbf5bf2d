// Every user-visible string. Korean is the source; English must have exactly the same keys.
// `{name}` placeholders are filled by `translate` and always rendered as text.

export const ko = {
	'app.title': '시민협력플랫폼 평가 대시보드',
	'app.subtitle': '서울시 자치구 시민협력플랫폼의 자체·공무원·외부전문가 평가와 예산 집행',
	'app.skipToContent': '본문으로 건너뛰기',
	'app.language': '언어',
	'app.switchLanguage': 'English',
	'app.sampleNotice': '예시 데이터(합성)를 보고 있습니다.',
	'app.contents': '평가: {evaluations} · 예산: {budget}',
	'app.source.sample': '예시 데이터(합성)',
	'app.source.uploads': '올린 자료',
	'app.source.both': '올린 자료와 예시 데이터(합성) {sample}행',
	'app.source.none': '없음',

	'status.loadingEngine': '분석 엔진(DuckDB)을 불러오는 중…',
	'status.loadingData': '데이터를 불러오는 중…',
	'status.serverFigures':
		'서버에서 계산한 수치를 보여 줍니다. 브라우저의 분석 엔진이 준비되면 필터가 바로 반영됩니다…',
	'status.ready': '{rows}개 평가 행과 {budgetRows}개 예산 행을 불러왔습니다.',
	'status.loadingOwnData':
		'이 브라우저에 올려 둔 내 자료를 불러오는 중… 수치는 내 자료로 계산한 뒤에 보여 줍니다.',
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
		'{rows} {count}개의 평가주체별 총점 점 그래프. 자체평가가 외부평가보다 낮은 곳 {lower}개, 높은 곳 {higher}개. 격차가 가장 큰 곳은 {widest}({widestGap})입니다.',
	'gapChart.descriptionEmpty': '표시할 자료가 없습니다.',

	'table.show': '데이터 표 보기',
	'table.hide': '데이터 표 숨기기',
	'table.district': '자치구',
	'table.gap': '격차 (자체 − 외부)',
	'table.gapAgainst': '격차 (자체 − {external})',
	'table.caption': '{title} ({filters})',

	'units.points': '{value}점',
	'units.won': '{value}원',
	'units.missing': '–',

	'import.issue.missing': '{column} 값이 비어 있습니다.',
	'import.issue.invalid-year': '연도 "{value}"를 읽을 수 없습니다 (2000–2100 사이의 정수).',
	'import.issue.unknown-district': '"{value}"{value|은/는} 서울시 자치구가 아닙니다.',
	'import.issue.unknown-evaluator-type':
		'평가주체 "{value}"{value|을/를} 알 수 없습니다 (자체, 공무원, 외부전문가 중 하나).',
	'import.issue.invalid-number': '{column} "{value}"{value|은/는} 숫자가 아닙니다.',
	'import.issue.negative': '{column} {value}{value|은/는} 0보다 작을 수 없습니다.',
	'import.issue.not-positive': '{column} {value}{value|은/는} 0보다 커야 합니다.',
	'import.issue.score-above-max': '점수 {value}{value|이/가} 배점 {detail}보다 큽니다.',
	'import.issue.unknown-headers':
		'머리글을 알아볼 수 없습니다. 평가 파일(연도, 자치구, 평가주체, 평가지표, 점수, 배점) 또는 예산 파일(회계연도, 자치구, 사업명, 세부항목, 예산액, 집행액)인지 확인해 주세요.',
	'import.issue.empty-file': '파일이 비어 있습니다.',
	'import.issue.unknown-district.suggest':
		'"{value}"{value|은/는} 서울시 자치구가 아닙니다. {detail}{detail|을/를} 뜻했나요?',
	'import.issue.unknown-evaluator-type.suggest':
		'평가주체 "{value}"{value|을/를} 알 수 없습니다. {detail}{detail|을/를} 뜻했나요?',
	'import.issue.duplicate-row':
		'같은 연도·자치구·평가자·지표(또는 예산 항목)의 행이 {detail}행에 이미 있습니다.',
	'import.issue.already-loaded':
		'이미 불러온 자료에 같은 행이 있습니다 (연도·자치구·평가주체·평가자·{column}{column|이/가} 같고, 기존 파일의 {detail}행). 더하면 두 번 셉니다.',
	'import.issue.too-many-columns':
		'이 행에는 머리글보다 열이 많습니다. 따옴표 없이 쉼표가 들어간 값이 있는지 확인해 주세요.',
	'import.issue.stray-quote': '닫는 따옴표 뒤에 값이 이어집니다: {value}',
	'import.issue.line-too-long': '행이 2MB보다 깁니다. 닫는 따옴표가 빠졌을 수 있습니다.',
	'import.issue.malformed-row': '이 행을 읽을 수 없습니다 ({detail}).',
	'import.issue.unterminated-quote': '{line}행에서 시작한 따옴표가 파일 끝까지 닫히지 않았습니다.',
	'import.issue.binary-file': 'CSV 파일이 아닙니다 (그림이나 다른 형식의 파일로 보입니다).',
	'import.issue.spreadsheet-file':
		'웹 화면에서 내려받은 "엑셀" 파일(HTML 또는 XML 표)입니다. 엑셀에서 열어 "다른 이름으로 저장"으로 .xlsx나 CSV로 저장해 주세요.',
	'import.issue.workbook-too-large':
		'통합 문서가 {detail}MB로, 읽을 수 있는 크기(20MB)를 넘습니다. 엑셀에서 시트를 CSV로 저장해 올려 주세요(CSV는 크기 제한이 없습니다).',
	'import.issue.workbook-password':
		'암호가 걸린 통합 문서는 읽을 수 없습니다. 엑셀에서 암호를 풀고 저장한 뒤 다시 올려 주세요.',
	'import.issue.workbook-macros':
		'매크로가 든 통합 문서(.xlsm)는 안전을 위해 읽지 않습니다. 엑셀에서 .xlsx(매크로 없음)나 CSV로 저장해 올려 주세요.',
	'import.issue.workbook-external-links':
		'다른 통합 문서를 참조하는 셀(외부 연결)이 있어 읽지 않습니다. 엑셀의 [데이터 → 연결 편집 → 연결 끊기]로 값만 남긴 뒤 저장해 올려 주세요.',
	'import.issue.workbook-unreadable':
		'엑셀 통합 문서로 읽을 수 없습니다. 파일이 손상되었거나 다른 형식입니다. 엑셀에서 열리면 다시 저장해 올려 주세요. ({detail})',
	'import.issue.workbook-no-sheets':
		'읽을 시트가 없습니다. 보이는 시트가 모두 비어 있거나, 고른 시트 "{detail}"{detail|이/가} 없습니다.',
	'import.issue.missing-columns':
		'필요한 열 "{column}"{column|을/를} 찾지 못했습니다. 아래에서 열을 지정해 주세요.',
	'import.issue.no-data-rows': '머리글만 있고 자료 행이 없습니다.',
	'import.issue.missing-given':
		'자치구가 열로 된 교차표인데, 표 전체의 {column}{column|을/를} 제목 행이나 시트·파일 이름에서 찾지 못했습니다. 위에서 알려 주세요.',
	'import.issue.two-tables':
		'표가 둘 있습니다: {line}행에서 머리글이 다시 나옵니다. 표를 시트(또는 파일)마다 하나씩 두고 다시 올려 주세요.',
	'import.issue.unreadable-file': '파일을 읽을 수 없습니다: {detail}',
	'import.issue.import-failed': '가져오는 중 오류가 나서 아무것도 바꾸지 않았습니다: {detail}',
	'import.issue.cancelled': '가져오기를 취소했습니다. 아무것도 바뀌지 않았습니다.',
	'import.issueLocation': '{file} {line}행 {column}열',
	'import.issueLocationCell': '{file} {cell} 셀 ({column}열)',
	'import.issueLocationFile': '{file} 파일 전체',
	'import.title': '파일 추가',
	'import.choose': '파일 선택',
	'import.hint':
		'평가 또는 예산 자료: CSV(UTF-8, CP949, UTF-16)나 엑셀 통합 문서(.xlsx, .xls). 오류가 있는 파일은 가져오지 않습니다.',
	'import.imported': '{file}: {rows}행을 가져왔습니다 ({kind}, {encoding}).',
	'import.showAll': '결과 {count}건 모두 보기',
	'import.showNewest': '최근 결과 {count}건만 보기',
	'import.refused': '{file}: 가져오지 않았습니다. 문제 {count}건.',
	'import.kind.evaluations': '평가',
	'import.kind.budget': '예산',
	'import.issueTable': '{file}의 문제',
	'import.col.location': '위치',
	'import.col.value': '값',
	'import.col.message': '내용',
	'views.label': '분석 화면',
	'views.gap': '평가 격차',
	'views.budget': '예산 집행',
	'views.trend': '연도별 추이',

	'chips.label': '적용된 필터',
	'chips.remove': '{label} 필터 해제',
	'chips.none': '필터 없음: 전체 자료를 보고 있습니다.',
	'filters.indicators': '평가지표',

	'download.label': '{title} 내려받기',

	'external.label': '외부평가 기준',
	'external.mean': '공무원·전문가 평균',
	'external.official': '공무원평가',
	'external.expert': '외부전문가평가',

	'level.district': '자치구별',
	'level.area': '영역별',
	'level.indicator': '지표별',
	'level.breadcrumb': '보기 단계',
	'level.up': '{level}(으)로 돌아가기',
	'level.drillHint': '자치구나 영역을 누르면 한 단계 아래로 내려갑니다.',

	'gap.breakdownTitle': '{level} 평가주체별 총점',
	'gap.heatmapTitle': '{rows} × 자치구 격차 (자체 − {external})',
	'gap.heatmapLegend': '격차 (점)',
	'gap.heatmapDescription':
		'{rows} {rowCount}개 × 자치구 {columnCount}곳의 격차 열지도. 음수 칸 {negative}개, 양수 칸 {positive}개. 가장 낮은 칸은 {lowest}({lowestGap}), 가장 높은 칸은 {highest}({highestGap})입니다.',
	'gap.rowsDistrict': '자치구',
	'gap.rowsArea': '평가영역',
	'gap.rowsIndicator': '평가지표',
	'gap.biasTitle': '자체평가의 치우침',
	'gap.biasLower':
		'자체평가가 {external}보다 평균 {gap}점 낮습니다 ({clusters} 단위로 계산한 95% 신뢰구간 {lower}–{upper}점, 단위 {units}개).',
	'gap.biasHigher':
		'자체평가가 {external}보다 평균 {gap}점 높습니다 ({clusters} 단위로 계산한 95% 신뢰구간 {lower}–{upper}점, 단위 {units}개).',
	'gap.biasUnclear':
		'자체평가와 {external}의 차이는 평균 {gap}점이지만, 0과 구별되지 않습니다 ({clusters} 단위로 계산한 95% 신뢰구간 {lower}–{upper}점, 단위 {units}개).',
	'gap.biasClustersDistrict': '자치구 {n}곳',
	'gap.biasClustersYear': '연도 {n}개',
	'gap.biasNone':
		'신뢰구간에는 자치구가 두 곳 이상(한 자치구만 볼 때는 연도가 두 해 이상) 필요합니다.',
	'gap.biasNote':
		'위 주요 지표의 격차와 같은 값입니다: 단위(자치구 × 연도 × 평가지표)마다 평가자 점수를 평균하고, 자치구·연도별로 Σ단위 평균 ÷ Σ배점 × 100, 여러 해는 연도별 값의 평균, 여러 자치구는 자치구별 값의 평균입니다. 한 자치구의 지표들은 함께 움직이므로 신뢰구간은 자치구별 격차를 한 관측으로 보아 t 분포(자유도 = 자치구 수 − 1)로 계산했습니다 (Donald & Lang 2007).',
	'gap.coverageAll': '모든 평가주체가 점수를 매긴 단위 {matched}개를 비교합니다.',
	'gap.coverageLeftOut':
		'모든 평가주체가 점수를 매긴 단위 {matched}개만 비교합니다. 평가주체가 빠진 단위 {leftOut}개 제외.',
	'gap.coverageNeedsBoth':
		'공무원·전문가 평균에는 두 외부평가가 모두 필요합니다. 지금 보이는 자료에는 {missing} 점수가 없어 격차를 계산하지 않습니다.',
	'gap.baTitle': '블랜드–알트만 도표: 자체 대 {external}',
	'gap.baX': '두 평가의 평균 (100점 환산)',
	'gap.baY': '차이: 자체 − 외부 (점)',
	'gap.baBias': '단위 평균 차이',
	'gap.baLower': '일치 한계 하한',
	'gap.baUpper': '일치 한계 상한',
	'gap.baDescription':
		'단위 {n}개(자치구 × 연도 × 평가지표)의 블랜드–알트만 도표. 단위마다 같은 무게로 본 평균 차이 {bias}, 95% 일치 한계 {lower}–{upper}.',
	'gap.baNone': '자체평가와 외부평가가 모두 있는 지표가 두 개 이상 필요합니다.',
	'gap.iccTitle': '평가자 간 일치도 (ICC)',
	'gap.iccChoice': '일치도 대상',
	'gap.iccSources': '세 평가주체 사이',
	'gap.iccOfficial': '공무원 평가자 사이',
	'gap.iccExpert': '외부전문가 평가자 사이',
	'gap.iccForm': '형태',
	'gap.iccValue': 'ICC',
	'gap.iccCi': '95% 신뢰구간',
	'gap.iccN': '대상 n',
	'gap.iccK': '평가자 k',
	'gap.iccCaption':
		'{choice}: 대상 {n}개, 평가자 {k}명. 평가가 빠진 대상 {excluded}개는 제외했습니다. (Shrout & Fleiss 1979, McGraw & Wong 1996)',
	'gap.iccNone':
		'일치도를 계산하려면 모든 평가자가 평가한 대상이 두 개 이상 필요합니다. 제외된 대상 {excluded}개.',
	'gap.iccByYearCaption': '{choice}: 연도별 ICC(2,1) (그해의 단위와 평가자로 계산)',
	'gap.iccYear': '연도',
	'gap.iccExcluded': '제외된 대상',
	'gap.iccOneRater': '평가자가 {k}명이라 계산할 수 없습니다',
	'gap.iccTooFew': '모든 평가자가 평가한 대상이 두 개 미만이라 계산할 수 없습니다',
	'gap.iccYearNote':
		'평가자 이름(공무원A 등)은 해마다 다른 사람일 수 있어, 평가자 사이 일치도는 연도마다 그해의 평가자로 따로 계산합니다.',
	'gap.col.row': '행',
	'gap.col.year': '연도',
	'gap.col.indicator': '평가지표',
	'gap.col.mean': '평균',
	'gap.col.difference': '차이',

	'budget.executionTitle': '자치구별 예산 대비 집행',
	'budget.executionDescription':
		'자치구 {count}곳의 예산과 집행액. 전체 집행률 {rate}. 집행률이 가장 낮은 곳은 {lowest}({lowestRate}), 가장 높은 곳은 {highest}({highestRate})입니다.',
	'budget.planned': '예산액',
	'budget.spent': '집행액',
	'budget.rate': '집행률',
	'budget.rateTitle': '연도별 집행률 (80% 미만·100% 초과 표시)',
	'budget.rateDescription':
		'자치구·연도 {count}개의 집행률. 80% 미만 {under}개, 100% 초과 {over}개.',
	'budget.under': '80% 미만',
	'budget.over': '100% 초과',
	'budget.flag.under': '집행 부진',
	'budget.flag.over': '초과 집행',
	'budget.itemsTitle': '세부항목별 집행',
	'budget.flaggedTitle': '살펴볼 집행 (80% 미만 또는 100% 초과)',
	'budget.flaggedNone': '80% 미만이거나 100%를 넘는 집행 항목이 없습니다.',
	'budget.cityTitle': '서울시 본청 사업',
	'budget.cityNote': '서울시가 직접 집행한 사업으로, 자치구 집계에는 넣지 않았습니다.',
	'budget.cityTotal': '합계',
	'budget.cityNone': '선택한 연도에 서울시 본청 사업이 없습니다.',
	'budget.moneyTitle': '집행액 대비 외부평가 총점',
	'budget.moneyX': '집행액',
	'budget.moneyY': '외부평가 총점 (점)',
	'budget.moneyDescription': '자치구·연도 {count}개의 집행액과 {external} 총점. 상관계수 {r}.',
	'budget.col.district': '자치구',
	'budget.col.year': '연도',
	'budget.col.program': '사업명',
	'budget.col.item': '세부항목',
	'budget.col.code': '예산과목',
	'budget.col.basis': '산출내역',
	'budget.col.lines': '건수',
	'budget.col.flag': '표시',
	'budget.col.score': '총점',

	'trend.source': '추이 기준',
	'trend.external': '외부평가({external})',
	'trend.linesTitle': '자치구별 총점 추이 ({source})',
	'trend.linesDescription':
		'{count}개 자치구의 {first}–{last}년 총점 추이. 가장 많이 오른 곳은 {up}({upDelta}), 가장 많이 내린 곳은 {down}({downDelta})입니다.',
	'trend.bumpTitle': '연도별 순위',
	'trend.bumpDescription': '연도별 순위 변화. {last}년 1위는 {top}입니다.',
	'trend.gapTitle': '자체 − 외부 격차 추이',
	'trend.gapDescription':
		'격차가 좁혀지는 자치구 {closing}곳, 벌어지는 자치구 {widening}곳, 불분명한 자치구 {unclear}곳 (기울기의 95% 신뢰구간이 0을 포함하면 불분명).',
	'trend.rank': '순위',
	'trend.delta': '전년 대비',
	'trend.rankChange': '순위 변화',
	'trend.direction': '격차 추세',
	'trend.closing': '좁혀짐',
	'trend.widening': '벌어짐',
	'trend.unclear': '불분명',
	'trend.rubricTitle': '평가 기준이 바뀐 해',
	'trend.rubricNote':
		'아래 자치구와 연도는 지표 구성이나 배점이 앞 해와 달라, 총점과 전년 대비 변화(†)를 그대로 비교할 수 없습니다.',
	'trend.rubricWhere': '{district} {year}년 ({previous}년 대비):',
	'trend.rubricAdded': '지표 추가 {items}.',
	'trend.rubricRemoved': '지표 제외 {items}.',
	'trend.rubricRescored': '배점 변경 {items}.',
	'trend.rubricFromTo': '{indicator} {from}→{to}점',
	'trend.rubricMark': '평가 기준이 앞 해와 다릅니다',
	'trend.slope': '연간 변화 (점)',
	'trend.slopeCi': '95% 신뢰구간',
	'trend.highlightNote': '선택한 자치구는 굵게, 나머지는 회색으로 표시합니다.',
	'trend.changeTableTitle': '전년 대비 변화와 순위',
	'trend.total': '총점',

	'methods.title': '계산 방법',
	'methods.unit':
		'단위는 자치구 × 연도 × 평가지표 하나입니다. 한 평가주체의 평가자가 여럿이면 단위 안에서 평균합니다(평가자마다 같은 무게, 해마다 평가자 수가 달라도 그해의 무게는 같습니다).',
	'methods.matched':
		'보이는 평가주체가 모두 점수를 매긴 단위만 씁니다. 그래서 나란히 보이는 자체·공무원·전문가 총점은 같은 지표를 다룹니다. 빠진 단위의 수는 치우침 아래에 적습니다.',
	'methods.total':
		'총점은 자치구·연도마다 Σ단위 평균 ÷ Σ배점 × 100입니다. 여러 해를 보면 연도별 총점의 평균(해마다 같은 무게), 여러 자치구를 묶으면 자치구별 값의 평균(자치구마다 같은 무게)입니다.',
	'methods.gap':
		'격차는 자체 − 외부입니다. 외부는 공무원평가, 외부전문가평가, 또는 두 평가의 평균이며, 평균은 두 평가가 모두 있을 때만 계산합니다. 주요 지표의 격차와 치우침은 같은 값입니다.',
	'methods.interval':
		'신뢰구간: 한 자치구의 지표들은 함께 움직이므로, 자치구별 격차를 하나의 관측으로 보고 t 분포(자유도 = 자치구 수 − 1)로 95% 구간을 구합니다 (Donald & Lang 2007). 한 자치구만 보면 연도별 격차로 계산합니다. 구간이 0을 포함하면 차이를 말하지 않습니다.',
	'methods.blandAltman':
		'블랜드–알트만 도표는 단위마다 같은 무게로 본 평균 차이와, 평균 차이 ± 1.96 × 표준편차의 일치 한계를 보입니다 (Bland & Altman 1986).',
	'methods.icc':
		'ICC는 Shrout & Fleiss (1979)의 여섯 형태이며 신뢰구간은 McGraw & Wong (1996)을 따릅니다. 평가자 사이 일치도는 해마다 그해의 평가자로 계산합니다.',
	'methods.budget':
		'집행률 = 집행액 ÷ 예산액. 자치구 합계에는 서울시 본청 사업을 넣지 않습니다. 집행률이 80% 미만이거나 100%를 넘는 항목을 표시합니다. 천원 단위로 적힌 금액은 원으로 바꿔 계산합니다.',
	'methods.scoreMoney':
		'점수 대 집행액: 자치구·연도마다 위 규칙으로 구한 외부평가 총점과 그해 집행액을 한 점으로 그립니다.',
	'methods.rank':
		'순위는 그해 자치구 사이의 순위이며, 같은 점수는 같은 순위를 받습니다(1, 2, 2, 4).',
	'methods.rubric':
		'평가 기준 변경: 한 자치구의 지표 구성이나 배점이 앞 해와 다르면 그 해를 따로 적고 전년 대비 변화에 †를 붙입니다. 바뀐 기준의 총점은 그대로 비교할 수 없습니다.',
	'methods.trend':
		'격차 추세: 연도별 |격차|에 최소제곱 직선을 맞춘 기울기와 그 95% t 신뢰구간(자유도 = 연도 수 − 2)입니다. 구간이 0을 포함하지 않을 때만 좁혀짐·벌어짐이라 하고, 그렇지 않거나 3년 미만이면 불분명입니다.',
	'print.generated': '{date} 출력',
	'print.button': '인쇄',
	'view.loading': '계산하는 중…',
	'view.failed': '이 화면을 계산하지 못했습니다: {message}',
	'units.rank': '{value}위',
	'publish.button': '게시하기',
	'publish.note': '올린 파일을 서버에 게시하면, 동료가 링크로 같은 숫자를 볼 수 있습니다.',
	'publish.busy': '게시하는 중…',
	'publish.done': '게시했습니다. 이 링크를 보내세요:',
	'publish.failed': '게시하지 못했습니다: {message}',
	'publish.open': '게시된 화면 열기',
	'published.banner': '게시된 데이터 {id} ({date} 게시, 파일 {count}개)를 보고 있습니다.',
	'published.back': '내 데이터로 돌아가기',
	'published.unavailable':
		'링크의 데이터({id})를 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었습니다.',
	'published.openSample': '예시 데이터 보기',
	'status.unavailable': '데이터를 찾을 수 없습니다.',
	'share.copy': '링크 복사',
	'share.copied': '지금 보는 화면의 링크를 복사했습니다.',
	'share.copyFailed': '복사하지 못했습니다. 주소를 직접 복사해 주세요: {href}',
	'share.ignored': '링크의 일부를 알아볼 수 없어 무시했습니다: {parts}',
	'share.dismiss': '닫기',
	'import.warning.replacement-characters':
		'{file}: 읽을 수 없는 글자가 {count}곳 있습니다 (첫 위치 {line}행). 파일이 도착하기 전에 손상되었을 수 있습니다.',
	'import.warning.question-marks':
		'{file}: 한글 자리에 "??"가 {count}곳 있습니다 (첫 위치 {line}행). 한글을 지원하지 않는 형식으로 저장된 것 같습니다.',
	'import.drop': '여기에 CSV 파일을 끌어다 놓거나',
	'import.mode': '가져오는 방식',
	'import.mode.add': '기존 자료에 추가',
	'import.mode.replace-years': '파일에 있는 연도만 교체',
	'import.mode.replace-all': '같은 종류 자료를 모두 교체',
	'import.setAsideSample': '예시 데이터 대신 올린 파일만 보기',
	'import.progress': '{file} 가져오는 중 ({index}/{total})',
	'import.cancel': '취소',
	'import.skipped': ' 문제가 있는 {count}행은 건너뛰었습니다.',
	'import.replaced': ' 기존 {count}행을 교체했습니다.',
	'import.sampleSetAside':
		' 예시 데이터 대신 올린 자료를 보여 줍니다 (예시 {kind} {count}행을 뺐습니다).',
	'import.mapping': '열 대응 보기',
	'import.downloadErrors': '오류 목록 내려받기 (CSV)',
	'import.errorsSuffix': '오류',
	'import.validOnly': '문제없는 {count}행만 가져오기',
	'import.previewLine.sources':
		'{file}: 평가주체별 점수 열 {columns}개로 된 표입니다. 아래처럼 한 행에 점수 하나씩, {rows}행으로 읽습니다. 맞으면 가져오기를 눌러 주세요.',
	'import.previewLine.districts':
		'{file}: 자치구별 점수 열 {columns}개로 된 교차표입니다. 아래처럼 한 행에 점수 하나씩, {rows}행으로 읽습니다. 맞으면 가져오기를 눌러 주세요.',
	'import.previewLine.years':
		'{file}: 연도별 예산액·집행액 열이 나란히 있는 표입니다 (연도 {columns}개). 아래처럼 한 행에 한 해씩, {rows}행으로 읽습니다. 맞으면 가져오기를 눌러 주세요.',
	'import.given': '표 전체의 {field}: {value} ({from})',
	'import.givenFrom.title': '제목 행 "{text}"에서 읽음',
	'import.givenFrom.sheet': '시트 이름 "{text}"에서 읽음',
	'import.givenFrom.file': '파일 이름 "{text}"에서 읽음',
	'import.givenFrom.choice': '직접 입력',
	'import.askGiven': '이 표의 연도와 평가주체를 알려 주세요',
	'import.askGivenHint':
		'자치구가 열로 된 교차표는 표 하나가 한 해, 한 평가주체의 점수입니다. 제목 행이나 시트·파일 이름에서 찾지 못했습니다.',
	'import.applyGiven': '이 값으로 다시 읽기',
	'import.changeGiven': '연도·평가주체를 다르게 읽기',
	'import.changeGivenHint':
		'제목이나 이름에서 읽은 값이 틀렸으면 바로잡아 주세요. 비워 둔 칸은 읽은 값을 그대로 씁니다.',
	'import.scale': '금액 열 {count}개는 {unit} 단위로 읽어 원으로 바꿉니다 (× {scale}).',
	'import.unit.1000': '천원',
	'import.unit.1000000': '백만원',
	'import.totals': ' 합계·소계 {count}행은 검산만 하고 자료로 넣지 않았습니다.',
	'import.totalMismatch':
		'{line}행 "{column}" 열의 합계 {value}{value|이/가} 더한 값 {expected}{expected|과/와} 다릅니다. 합계 행은 자료로 넣지 않으므로 가져온 값에는 영향이 없지만, 원본을 확인해 주세요.',
	'import.previewCaption': '{file}: 읽을 모습 (처음 몇 행)',
	'import.confirmLayout': '이대로 {rows}행 가져오기',
	'import.sheets': '이 통합 문서의 시트 {count}개',
	'import.resultsTitle': '올린 파일',
	'import.sheetHidden': '숨김',
	'import.sheetRows': '{rows}행',
	'import.sheetRead': '읽은 시트',
	'import.sheetImported': '가져온 시트',
	'import.readSheet': '이 시트 가져오기',
	'import.replaceOverlaps': '겹치는 {count}행을 이 파일의 값으로 바꾸기',
	'import.overlapsNote':
		'이미 불러온 행과 겹치는 행이 {count}개 있어 가져오지 않았습니다. 겹치는 행을 이 파일의 값으로 바꾸거나, 그대로 두려면 아무것도 하지 않으면 됩니다.',
	'import.assign': '알아보지 못한 열 지정',
	'import.assignNone': '쓰지 않음',
	'import.retry': '다시 가져오기',
	'import.col.file': '파일',
	'import.col.line': '행',
	'import.col.column': '열',
	'field.year': '연도',
	'field.district': '자치구',
	'field.evaluator_type': '평가주체',
	'field.evaluator_id': '평가자',
	'field.area': '평가영역',
	'field.indicator': '평가지표',
	'field.score': '점수',
	'field.max_score': '배점',
	'field.program': '사업명',
	'field.item': '세부항목',
	'field.budget_code': '예산과목',
	'field.planned': '예산액',
	'field.spent': '집행액',
	'field.basis': '산출내역',
	'storage.full':
		'브라우저 저장 공간이 부족해 파일을 보관하지 못했습니다. 다시 불러와도 같도록 이 가져오기는 되돌렸습니다.',
	'storage.unavailable':
		'이 브라우저에서는 올린 파일을 보관할 수 없습니다. 새로 고치면 올린 자료가 사라집니다.',
	'storage.replay-failed':
		'보관한 파일 가운데 다시 가져오지 못한 것이 있습니다. 데이터 관리에서 확인해 주세요.',
	'datasets.title': '데이터 관리',
	'datasets.caption': '불러온 파일 목록',
	'datasets.file': '파일',
	'datasets.details': '내용',
	'datasets.actions': '작업',
	'datasets.sample': '예시 데이터',
	'datasets.sampleNote': '합성 자료 (평가·예산)',
	'datasets.sampleRows': '{kind} {rows}행',
	'datasets.sampleSetAside': '{kind}: 올린 자료로 대체',
	'datasets.restoreSample': '예시 {kind}{kind|으로/로} 되돌리기',
	'datasets.restoreSampleNote': '올린 {kind} 파일 {count}개를 빼고 예시 데이터를 다시 보여 줍니다.',
	'datasets.rows': '{rows}행',
	'datasets.remove': '{file} 삭제',
	'datasets.sheets': '시트: {sheets}',
	'datasets.removeShort': '삭제'
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
	'app.contents': 'Evaluations: {evaluations} · Budget: {budget}',
	'app.source.sample': 'sample (synthetic) data',
	'app.source.uploads': 'your data',
	'app.source.both': 'your data and {sample} sample (synthetic) rows',
	'app.source.none': 'none',

	'status.loadingEngine': 'Loading the analysis engine (DuckDB)…',
	'status.loadingData': 'Loading data…',
	'status.serverFigures':
		'Showing figures computed on the server. Filters apply at once when the analysis engine in your browser is ready…',
	'status.ready': 'Loaded {rows} evaluation rows and {budgetRows} budget rows.',
	'status.loadingOwnData':
		'Loading your own data kept in this browser… Figures are shown once they are computed from it.',
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
		'Dot chart of total scores by evaluator for {count} {rows}. Self-evaluation is below the external score in {lower} and above it in {higher}. The widest gap is {widest} ({widestGap}).',
	'gapChart.descriptionEmpty': 'No data to show.',

	'table.show': 'Show data table',
	'table.hide': 'Hide data table',
	'table.district': 'District',
	'table.gap': 'Gap (self − external)',
	'table.gapAgainst': 'Gap (self − {external})',
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
	'import.issue.unknown-district.suggest':
		'"{value}" is not a Seoul district. Did you mean {detail}?',
	'import.issue.unknown-evaluator-type.suggest':
		'Unknown evaluator type "{value}". Did you mean {detail}?',
	'import.issue.duplicate-row':
		'A row with the same year, district, evaluator and indicator (or budget line) is already on line {detail}.',
	'import.issue.already-loaded':
		'The loaded data already has this row (same year, district, source, evaluator and {column}; line {detail} of the earlier file). Adding it would count it twice.',
	'import.issue.too-many-columns':
		'This row has more columns than the header. Is there a comma in an unquoted value?',
	'import.issue.stray-quote': 'Text follows a closing quote: {value}',
	'import.issue.line-too-long': 'The line is longer than 2 MB; a closing quote may be missing.',
	'import.issue.malformed-row': 'This row cannot be read ({detail}).',
	'import.issue.unterminated-quote': 'A quote opened on line {line} is never closed.',
	'import.issue.binary-file': 'This is not a CSV file (it looks like an image or another format).',
	'import.issue.spreadsheet-file':
		'This is an "Excel" file downloaded from a web page (an HTML or XML table). Open it in Excel and use "Save as" to save it as .xlsx or CSV.',
	'import.issue.workbook-too-large':
		'The workbook is {detail} MB, over the 20 MB that can be read. Save its sheet as CSV in Excel and upload that (CSV has no size limit).',
	'import.issue.workbook-password':
		'A password-protected workbook cannot be read. Remove the password in Excel, save, and upload it again.',
	'import.issue.workbook-macros':
		'Workbooks with macros (.xlsm) are not read, for safety. Save it as .xlsx (no macros) or CSV in Excel and upload that.',
	'import.issue.workbook-external-links':
		'The workbook has cells that refer to other workbooks (external links), so it is not read. In Excel use Data → Edit Links → Break Link to keep the values, save, and upload it again.',
	'import.issue.workbook-unreadable':
		'This could not be read as an Excel workbook: the file is damaged or of another kind. If Excel opens it, save it again and upload that. ({detail})',
	'import.issue.workbook-no-sheets':
		'There is no sheet to read: every visible sheet is empty, or the chosen sheet "{detail}" is not in it.',
	'import.issue.missing-columns': 'The required column "{column}" was not found. Assign it below.',
	'import.issue.no-data-rows': 'The file has a header but no data rows.',
	'import.issue.missing-given':
		'A crosstab with districts as columns, but neither its title row nor the sheet or file name gives its {column}. Please give them above.',
	'import.issue.two-tables':
		'There are two tables: the header appears again on line {line}. Keep one table per sheet (or file) and upload it again.',
	'import.issue.unreadable-file': 'The file cannot be read: {detail}',
	'import.issue.import-failed': 'The import failed and nothing was changed: {detail}',
	'import.issue.cancelled': 'The import was cancelled. Nothing was changed.',
	'import.issueLocation': '{file} line {line}, column {column}',
	'import.issueLocationCell': '{file}, cell {cell} (column {column})',
	'import.issueLocationFile': '{file}, the whole file',
	'import.title': 'Add files',
	'import.choose': 'choose files',
	'import.hint':
		'Evaluation or budget data: CSV (UTF-8, CP949, UTF-16) or an Excel workbook (.xlsx, .xls). A file with errors is not imported.',
	'import.imported': '{file}: imported {rows} rows ({kind}, {encoding}).',
	'import.showAll': 'Show all {count} results',
	'import.showNewest': 'Show the newest {count} only',
	'import.refused': '{file}: not imported. Problems: {count}.',
	'import.kind.evaluations': 'evaluations',
	'import.kind.budget': 'budget',
	'import.issueTable': 'Problems in {file}',
	'import.col.location': 'Where',
	'import.col.value': 'Value',
	'import.col.message': 'Problem',
	'views.label': 'Analysis views',
	'views.gap': 'Score gaps',
	'views.budget': 'Budget use',
	'views.trend': 'Year over year',

	'chips.label': 'Active filters',
	'chips.remove': 'Remove filter {label}',
	'chips.none': 'No filters: you are looking at all data.',
	'filters.indicators': 'Indicators',

	'download.label': 'Download {title}',

	'external.label': 'External score',
	'external.mean': 'Mean of official and expert',
	'external.official': 'Official',
	'external.expert': 'Expert',

	'level.district': 'By district',
	'level.area': 'By area',
	'level.indicator': 'By indicator',
	'level.breadcrumb': 'Level',
	'level.up': 'Back to {level}',
	'level.drillHint': 'Click a district or an area to go one level down.',

	'gap.breakdownTitle': 'Total score by evaluator, {level}',
	'gap.heatmapTitle': 'Gap by {rows} and district (self − {external})',
	'gap.heatmapLegend': 'Gap (points)',
	'gap.heatmapDescription':
		'Heatmap of gaps for {rowCount} {rows} × {columnCount} districts. {negative} cells negative, {positive} positive. Lowest: {lowest} ({lowestGap}); highest: {highest} ({highestGap}).',
	'gap.rowsDistrict': 'districts',
	'gap.rowsArea': 'areas',
	'gap.rowsIndicator': 'indicators',
	'gap.biasTitle': 'Bias of the self-evaluation',
	'gap.biasLower':
		'Self-evaluation is on average {gap} points below {external} (95% CI over {clusters}: {lower}–{upper} points, {units} units).',
	'gap.biasHigher':
		'Self-evaluation is on average {gap} points above {external} (95% CI over {clusters}: {lower}–{upper} points, {units} units).',
	'gap.biasUnclear':
		'Self-evaluation differs from {external} by {gap} points on average, which is not distinguishable from zero (95% CI over {clusters}: {lower}–{upper} points, {units} units).',
	'gap.biasClustersDistrict': '{n} districts',
	'gap.biasClustersYear': '{n} years',
	'gap.biasNone':
		'The interval needs at least two districts (or, for one district, at least two years).',
	'gap.biasNote':
		'The same gap as in the key figures above: within a unit (district × year × indicator) evaluators are averaged; per district and year Σ unit means ÷ Σ max score × 100; over years the mean of the yearly figures, over districts the mean of the districts. Indicators of one district move together, so the interval treats each district’s gap as one observation, with Student’s t on districts − 1 degrees of freedom (Donald & Lang 2007).',
	'gap.coverageAll': 'Compares the {matched} units every source scored.',
	'gap.coverageLeftOut':
		'Compares only the {matched} units every source scored; {leftOut} units missing a source left out.',
	'gap.coverageNeedsBoth':
		'The mean of official and expert needs both. The data shown has no {missing} scores, so no gap is computed.',
	'gap.baTitle': 'Bland–Altman plot: self vs {external}',
	'gap.baX': 'Mean of the two scores (100-point scale)',
	'gap.baY': 'Difference: self − external (points)',
	'gap.baBias': 'Mean unit difference',
	'gap.baLower': 'Lower limit of agreement',
	'gap.baUpper': 'Upper limit of agreement',
	'gap.baDescription':
		'Bland–Altman plot of {n} units (district × year × indicator). Mean difference, each unit equal, {bias}; 95% limits of agreement {lower} to {upper}.',
	'gap.baNone': 'Needs at least two indicators scored by both the platform and externally.',
	'gap.iccTitle': 'Agreement between raters (ICC)',
	'gap.iccChoice': 'Agreement of',
	'gap.iccSources': 'the three sources',
	'gap.iccOfficial': 'the official evaluators',
	'gap.iccExpert': 'the expert evaluators',
	'gap.iccForm': 'Form',
	'gap.iccValue': 'ICC',
	'gap.iccCi': '95% CI',
	'gap.iccN': 'Targets n',
	'gap.iccK': 'Raters k',
	'gap.iccCaption':
		'{choice}: {n} targets, {k} raters. {excluded} targets with a missing rating left out. (Shrout & Fleiss 1979, McGraw & Wong 1996)',
	'gap.iccNone':
		'Agreement needs at least two targets rated by every rater. {excluded} targets left out.',
	'gap.iccByYearCaption': '{choice}: ICC(2,1) by year (that year’s units and raters)',
	'gap.iccYear': 'Year',
	'gap.iccExcluded': 'Targets left out',
	'gap.iccOneRater': 'Cannot be computed with {k} rater',
	'gap.iccTooFew': 'Cannot be computed: fewer than two targets rated by every rater',
	'gap.iccYearNote':
		'Evaluator labels (such as 공무원A) may be different people in different years, so agreement among evaluators is computed year by year, with that year’s evaluators.',
	'gap.col.row': 'Row',
	'gap.col.year': 'Year',
	'gap.col.indicator': 'Indicator',
	'gap.col.mean': 'Mean',
	'gap.col.difference': 'Difference',

	'budget.executionTitle': 'Planned and spent by district',
	'budget.executionDescription':
		'Planned and spent amounts of {count} districts. Overall execution {rate}. Lowest: {lowest} ({lowestRate}); highest: {highest} ({highestRate}).',
	'budget.planned': 'Planned',
	'budget.spent': 'Spent',
	'budget.rate': 'Execution',
	'budget.rateTitle': 'Execution rate by year (under 80% and over 100% marked)',
	'budget.rateDescription':
		'Execution rate of {count} district-years. {under} under 80%, {over} over 100%.',
	'budget.under': 'under 80%',
	'budget.over': 'over 100%',
	'budget.flag.under': 'Under-spent',
	'budget.flag.over': 'Over-spent',
	'budget.itemsTitle': 'Execution by budget item',
	'budget.flaggedTitle': 'Lines to check (under 80% or over 100%)',
	'budget.flaggedNone': 'No line is under 80% or over 100% executed.',
	'budget.cityTitle': 'City-run programmes (서울시)',
	'budget.cityNote': 'Spent by the city itself; not counted in the district figures.',
	'budget.cityTotal': 'Total',
	'budget.cityNone': 'No city-run programme in the years selected.',
	'budget.moneyTitle': 'External score against money spent',
	'budget.moneyX': 'Spent',
	'budget.moneyY': 'External total score (points)',
	'budget.moneyDescription':
		'Spending and {external} total of {count} district-years. Correlation {r}.',
	'budget.col.district': 'District',
	'budget.col.year': 'Year',
	'budget.col.program': 'Programme',
	'budget.col.item': 'Item',
	'budget.col.code': 'Budget code',
	'budget.col.basis': 'Basis',
	'budget.col.lines': 'Lines',
	'budget.col.flag': 'Flag',
	'budget.col.score': 'Total score',

	'trend.source': 'Follow',
	'trend.external': 'External ({external})',
	'trend.linesTitle': 'Total score by district and year ({source})',
	'trend.linesDescription':
		'Total scores of {count} districts from {first} to {last}. Largest rise: {up} ({upDelta}); largest fall: {down} ({downDelta}).',
	'trend.bumpTitle': 'Rank by year',
	'trend.bumpDescription': 'Ranks by year. First in {last}: {top}.',
	'trend.gapTitle': 'Self − external gap by year',
	'trend.gapDescription':
		'The gap is closing in {closing} districts, widening in {widening}, unclear in {unclear} (unclear when the slope’s 95% CI includes 0).',
	'trend.rank': 'Rank',
	'trend.delta': 'Change',
	'trend.rankChange': 'Rank change',
	'trend.direction': 'Gap trend',
	'trend.closing': 'closing',
	'trend.widening': 'widening',
	'trend.unclear': 'unclear',
	'trend.rubricTitle': 'Years with a changed rubric',
	'trend.rubricNote':
		'For these districts and years the indicators or their maximum scores differ from the year before, so the total and the change from the year before (†) are not directly comparable.',
	'trend.rubricWhere': '{district}, {year} (against {previous}):',
	'trend.rubricAdded': 'indicators added: {items}.',
	'trend.rubricRemoved': 'indicators dropped: {items}.',
	'trend.rubricRescored': 'maximum score changed: {items}.',
	'trend.rubricFromTo': '{indicator} {from}→{to}',
	'trend.rubricMark': 'The rubric differs from the year before',
	'trend.slope': 'Change per year (points)',
	'trend.slopeCi': '95% CI',
	'trend.highlightNote': 'Chosen districts are drawn bold, the others grey.',
	'trend.changeTableTitle': 'Change from the year before, and rank',
	'trend.total': 'Total',

	'methods.title': 'How it is computed',
	'methods.unit':
		'A unit is one district × year × indicator. When a source has several evaluators, they are averaged within the unit (each evaluator equal, so a year weighs the same whatever its number of evaluators).',
	'methods.matched':
		'Only units that every source shown has scored are used, so the self, official and expert totals side by side cover the same indicators. The number of units left out is given under the bias.',
	'methods.total':
		'A total is, per district and year, Σ unit means ÷ Σ max scores × 100. Over several years it is the mean of the yearly totals (each year equal); over several districts, the mean of the districts (each district equal).',
	'methods.gap':
		'The gap is self − external, where external is the officials’, the experts’, or the mean of both, formed only when both are there. The headline gap and the bias are the same figure.',
	'methods.interval':
		'Interval: the indicators of one district move together, so each district’s gap is one observation and the 95% interval uses Student’s t with districts − 1 degrees of freedom (Donald & Lang 2007). With one district shown, its years are used. When the interval holds 0, no direction is stated.',
	'methods.blandAltman':
		'The Bland–Altman plot shows the mean difference over units, each unit equal, and the limits of agreement, mean ± 1.96 × SD (Bland & Altman 1986).',
	'methods.icc':
		'ICC: the six Shrout & Fleiss (1979) forms, intervals after McGraw & Wong (1996). Agreement among evaluators is computed year by year, with that year’s evaluators.',
	'methods.budget':
		'Execution rate = spent ÷ planned. District totals leave out the city’s own (서울시 본청) lines. Lines under 80% or over 100% are flagged. Amounts written in 천원 are converted to won.',
	'methods.scoreMoney':
		'Score against money: one point per district and year, its external total by the rule above against that year’s spending.',
	'methods.rank':
		'Ranks are among the districts of a year; equal totals share a rank (1, 2, 2, 4).',
	'methods.rubric':
		'Rubric changes: when a district’s indicators or their maximum scores differ from the year before, that year is listed and its change from the year before is marked †. A total on a changed rubric is not directly comparable.',
	'methods.trend':
		'Gap trend: the least-squares slope of |gap| over the years with its 95% t interval (years − 2 degrees of freedom). Closing or widening only when the interval excludes 0; otherwise, or with fewer than three years, unclear.',
	'print.generated': 'Printed {date}',
	'print.button': 'Print',
	'view.loading': 'Calculating…',
	'view.failed': 'This view could not be calculated: {message}',
	'units.rank': '#{value}',
	'publish.button': 'Publish',
	'publish.note':
		'Publish the uploaded files to the server so that colleagues see the same numbers through a link.',
	'publish.busy': 'Publishing…',
	'publish.done': 'Published. Send this link:',
	'publish.failed': 'Could not publish: {message}',
	'publish.open': 'Open the published view',
	'published.banner':
		'You are looking at published dataset {id} (published {date}, {count} files).',
	'published.back': 'Back to my data',
	'published.unavailable':
		'The data of this link ({id}) is not available: it was removed or the address is wrong.',
	'published.openSample': 'See the sample data',
	'status.unavailable': 'Data not available.',
	'share.copy': 'Copy link',
	'share.copied': 'Copied the link to this view.',
	'share.copyFailed': 'Could not copy. Copy the address yourself: {href}',
	'share.ignored': 'Parts of the link could not be read and were ignored: {parts}',
	'share.dismiss': 'Dismiss',
	'import.warning.replacement-characters':
		'{file}: {count} unreadable characters (first on line {line}). The file may have been damaged before it arrived.',
	'import.warning.question-marks':
		'{file}: "??" in {count} places where Hangul should be (first on line {line}). It seems saved in a format without Hangul.',
	'import.drop': 'Drop CSV files here, or',
	'import.mode': 'How to import',
	'import.mode.add': 'Add to the data',
	'import.mode.replace-years': 'Replace the years in the file',
	'import.mode.replace-all': 'Replace all data of that kind',
	'import.setAsideSample': 'Show my files instead of the sample',
	'import.progress': 'Importing {file} ({index} of {total})',
	'import.cancel': 'Cancel',
	'import.skipped': ' {count} rows with problems were skipped.',
	'import.replaced': ' {count} earlier rows were replaced.',
	'import.sampleSetAside':
		' Your data is shown instead of the sample ({count} sample {kind} rows taken out).',
	'import.mapping': 'Show column mapping',
	'import.downloadErrors': 'Download the problems (CSV)',
	'import.errorsSuffix': 'problems',
	'import.validOnly': 'Import only the {count} valid rows',
	'import.previewLine.sources':
		'{file}: a table with {columns} score columns, one per source. It is read as below, one score per row: {rows} rows. Import it if this is right.',
	'import.previewLine.districts':
		'{file}: a crosstab with {columns} district columns. It is read as below, one score per row: {rows} rows. Import it if this is right.',
	'import.previewLine.years':
		'{file}: planned and spent amounts side by side for {columns} years. It is read as below, one year per row: {rows} rows. Import it if this is right.',
	'import.given': '{field} for the whole table: {value} ({from})',
	'import.givenFrom.title': 'read from the title row "{text}"',
	'import.givenFrom.sheet': 'read from the sheet name "{text}"',
	'import.givenFrom.file': 'read from the file name "{text}"',
	'import.givenFrom.choice': 'entered by hand',
	'import.askGiven': 'Which year and source is this table?',
	'import.askGivenHint':
		'A crosstab with districts as columns holds one year and one source. Neither the title row nor the sheet or file name says which.',
	'import.applyGiven': 'Read it again with these values',
	'import.changeGiven': 'Read the year or source differently',
	'import.changeGivenHint':
		'If what was read from the title or a name is wrong, correct it here. A field left empty keeps what was read.',
	'import.scale': '{count} amount columns are read in {unit} and turned into won (× {scale}).',
	'import.unit.1000': 'thousands of won',
	'import.unit.1000000': 'millions of won',
	'import.totals': ' {count} total rows (합계/소계) were checked and left out of the data.',
	'import.totalMismatch':
		'Line {line}, column "{column}": the total {value} is not the sum of its parts, {expected}. Total rows are not imported, so the data is not affected, but please check the original.',
	'import.previewCaption': '{file} as it will be read (first rows)',
	'import.confirmLayout': 'Import these {rows} rows',
	'import.sheets': 'The {count} sheets of this workbook',
	'import.resultsTitle': 'Files added',
	'import.sheetHidden': 'hidden',
	'import.sheetRows': '{rows} rows',
	'import.sheetRead': 'sheet read',
	'import.sheetImported': 'sheet imported',
	'import.readSheet': 'Import this sheet',
	'import.replaceOverlaps': 'Replace the {count} overlapping rows with this file’s values',
	'import.overlapsNote':
		'{count} rows repeat rows already loaded, so nothing was imported. Replace them with this file’s values, or do nothing to keep the data as it is.',
	'import.assign': 'Assign unrecognized columns',
	'import.assignNone': 'Not used',
	'import.retry': 'Import again',
	'import.col.file': 'File',
	'import.col.line': 'Line',
	'import.col.column': 'Column',
	'field.year': 'year',
	'field.district': 'district',
	'field.evaluator_type': 'evaluator type',
	'field.evaluator_id': 'evaluator',
	'field.area': 'area',
	'field.indicator': 'indicator',
	'field.score': 'score',
	'field.max_score': 'maximum score',
	'field.program': 'programme',
	'field.item': 'item',
	'field.budget_code': 'budget code',
	'field.planned': 'planned',
	'field.spent': 'spent',
	'field.basis': 'basis',
	'storage.full':
		'The browser storage is full, so the file could not be kept. The import was undone, so a reload shows the same data.',
	'storage.unavailable': 'This browser cannot keep uploaded files: a reload will lose them.',
	'storage.replay-failed': 'Some kept files could not be imported again. Check them under Data.',
	'datasets.title': 'Data',
	'datasets.caption': 'Files loaded',
	'datasets.file': 'File',
	'datasets.details': 'Details',
	'datasets.actions': 'Actions',
	'datasets.sample': 'Sample data',
	'datasets.sampleNote': 'synthetic (evaluations and budget)',
	'datasets.sampleRows': '{kind} {rows} rows',
	'datasets.sampleSetAside': '{kind}: replaced by your data',
	'datasets.restoreSample': 'Bring back the sample {kind}',
	'datasets.restoreSampleNote': 'Takes out your {count} {kind} files and shows the sample again.',
	'datasets.rows': '{rows} rows',
	'datasets.remove': 'Remove {file}',
	'datasets.sheets': 'sheets: {sheets}',
	'datasets.removeShort': 'Remove'
};

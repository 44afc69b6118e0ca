/*
 * <crowdlens-chart>: bar and line charts of protected figures, driven from Java (Chart.java).
 * ECharts 6 with modular imports (only bar, line and scatter, SVG renderer), wrapped so that Java
 * speaks our own small data shape, never ECharts options.
 *
 * Rules the element enforces:
 * - a suppressed value (null) is never drawn as 0: a grey hatched bar up to k (bars) or a hollow
 *   grey marker at k (lines), labelled "fewer than k" in the tooltip;
 * - every text from operator files (series and category names) reaches the screen as text: axis and
 *   legend labels are SVG text, and the tooltip is built as DOM nodes with textContent.
 */
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  AriaComponent, GraphicComponent, SVGRenderer]);

interface SeriesData {
  name: string;
  kind: 'BAR' | 'LINE';
  values: (number | null)[];
  highlighted: number[];
}
interface ChartData {
  title: string;
  subtitle: string;
  xAxisTitle: string;
  yAxisTitle: string;
  valueUnit: string;
  categories: string[];
  series: SeriesData[];
  minimumCrowd: number;
}
interface Point { seriesName: string; seriesIndex: number; dataIndex: number; name: string; }

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
const SUPPRESSED_FILL = '#c9ced3';
const SUPPRESSED_LINE = '#6b7580';
const HIGHLIGHT_BORDER = '#1c252e';
/** Marks the companion series of a line's suppressed points (kept out of the legend). */
const SUPPRESSED_MARK = '\u2063suppressed';

@customElement('crowdlens-chart')
export class CrowdlensChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; min-height: 200px; }
    #chart { position: absolute; inset: 0; }
  `;

  private chart?: echarts.ECharts;
  private data: ChartData | null = null;

  render() {
    return html`<div id="chart" part="chart"></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('#chart') as HTMLElement;
    this.chart = echarts.init(container, undefined, { renderer: 'svg' });
    new ResizeObserver(() => this.chart?.resize()).observe(this);
  }

  /** Java calls can arrive before the first render: wait for it. */
  async setData(json: string) {
    await this.updateComplete;
    this.data = JSON.parse(json) as ChartData;
    this.chart!.setOption(this.optionFor(this.data), { notMerge: true });
  }

  async clear() {
    await this.updateComplete;
    this.data = null;
    this.chart!.clear();
  }

  private optionFor(d: ChartData): echarts.EChartsCoreOption {
    const k = d.minimumCrowd;
    const series: object[] = [];
    d.series.forEach((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      const highlighted = new Set(s.highlighted);
      if (s.kind === 'BAR') {
        series.push({
          type: 'bar', name: s.name, itemStyle: { color: colour }, barMaxWidth: 28,
          data: s.values.map((v, index) => v === null
            ? { value: k, suppressed: true, itemStyle: { color: SUPPRESSED_FILL, borderColor: SUPPRESSED_LINE,
                borderType: 'dashed', borderWidth: 1, decal: { symbol: 'rect', dashArrayX: [1, 0],
                  dashArrayY: [2, 3], rotation: Math.PI / 4, color: SUPPRESSED_LINE } } }
            : highlighted.has(index)
              ? { value: v, itemStyle: { color: colour, borderColor: HIGHLIGHT_BORDER, borderWidth: 2 },
                  label: { show: true, position: 'top', formatter: String(v), color: HIGHLIGHT_BORDER, fontWeight: 'bold' } }
              : { value: v }),
        });
      } else {
        series.push({
          type: 'line', name: s.name, itemStyle: { color: colour }, connectNulls: false, symbolSize: 6,
          data: s.values.map((v, index) => highlighted.has(index) && v !== null
            ? { value: v, symbolSize: 11, itemStyle: { color: colour, borderColor: HIGHLIGHT_BORDER, borderWidth: 2 },
                label: { show: true, position: 'top', formatter: String(v), fontWeight: 'bold' } }
            : v),
        });
        // suppressed points: hollow grey markers at k on a companion series kept out of the legend
        series.push({
          type: 'scatter', name: s.name + SUPPRESSED_MARK, symbol: 'rect', symbolSize: 9,
          itemStyle: { color: SUPPRESSED_FILL, borderColor: SUPPRESSED_LINE, borderWidth: 1 },
          data: s.values.map((v) => (v === null ? { value: k, suppressed: true } : null)),
        });
      }
    });
    const anySuppressed = d.series.some((s) => s.values.some((v) => v === null));
    return {
      aria: { enabled: true },
      animation: false,
      color: PALETTE,
      title: { text: d.title, subtext: d.subtitle, left: 8, top: 4,
        textStyle: { fontSize: 14, fontWeight: 600 }, subtextStyle: { fontSize: 11 } },
      legend: {
        data: d.series.map((s) => s.name), top: d.subtitle ? 46 : 30, left: 8,
        show: d.series.length > 1,
      },
      grid: { left: 64, right: 16, top: (d.subtitle ? 50 : 34) + (d.series.length > 1 ? 26 : 0) + 8,
        bottom: anySuppressed ? 62 : 48 },
      tooltip: { trigger: 'item', formatter: (p: unknown) => this.tooltipFor(p as Point) },
      xAxis: { type: 'category', data: d.categories, name: d.xAxisTitle, nameLocation: 'middle', nameGap: 28,
        axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: d.yAxisTitle, nameLocation: 'middle', nameGap: 46, min: 0 },
      graphic: anySuppressed ? [{
        type: 'text', left: 8, bottom: 4,
        style: { text: `Grey hatched: fewer than ${k} devices (not shown, not zero)`, fontSize: 11, fill: SUPPRESSED_LINE },
      }] : [],
      series,
    };
  }

  /** Text only: series and category names may come from operator files. */
  private tooltipFor(p: Point): HTMLElement {
    const d = this.data!;
    const el = document.createElement('div');
    const head = document.createElement('strong');
    head.textContent = d.categories[p.dataIndex] ?? p.name;
    el.append(head);
    const seriesName = p.seriesName.split(SUPPRESSED_MARK)[0];
    const series = d.series.find((s) => s.name === seriesName);
    const value = series?.values[p.dataIndex];
    const line = document.createElement('div');
    const figure = value === null || value === undefined ? `fewer than ${d.minimumCrowd}` : `${value} ${d.valueUnit}`.trim();
    line.textContent = d.series.length > 1 ? `${seriesName}: ${figure}` : figure;
    el.append(line);
    return el;
  }
}

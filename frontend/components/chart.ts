/*
 * <crowdlens-chart>: bar and line charts of protected figures, driven from Java (Chart.java).
 * ECharts 6 with modular imports (only bar, line and scatter, SVG renderer), wrapped so that Java
 * speaks our own small data shape, never ECharts options.
 *
 * Rules the element enforces:
 * - a suppressed value (null) is never drawn as a bar or a point of any height: it is a gap, with a
 *   hollow grey marker on the axis, in a legend entry "not shown (below the minimum crowd)";
 * - tooltips give the value with its 95 % margin ("240 ± 9 devices");
 * - category labels never overlap: rotated when they do not fit side by side, then thinned;
 * - the figures as a table sit below the chart (Java puts a "Show as table" details in the slot).
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
  margins: number[];
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
const SUPPRESSED_LINE = '#6b7580';
const HIGHLIGHT_BORDER = '#1c252e';
/** Marks the companion series of a line's suppressed points (kept out of the legend). */
const HIDDEN_LABEL = 'not shown (below the minimum crowd)';
/** Rough width of one character of an 12 px axis label, and the line height of rotated labels. */
const CHAR_PX = 6.6;
const ROTATED_STEP_PX = 16;

@customElement('crowdlens-chart')
export class CrowdlensChart extends LitElement {
  static styles = css`
    :host { display: block; }
    #frame { position: relative; height: var(--crowdlens-chart-height, 300px); min-height: 200px; }
    #chart { position: absolute; inset: 0; }
  `;

  private chart?: echarts.ECharts;
  private data: ChartData | null = null;

  render() {
    return html`<div id="frame"><div id="chart" part="chart"></div></div><slot name="table"></slot>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('#chart') as HTMLElement;
    this.chart = echarts.init(container, undefined, { renderer: 'svg' });
    new ResizeObserver(() => {
      this.chart?.resize();
      if (this.data) {
        // label rotation, thinning and the room under the axis depend on the width
        this.chart?.setOption(this.optionFor(this.data), { notMerge: true });
      }
    }).observe(this);
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
    const series: object[] = [];
    const markers: object[] = [];
    d.series.forEach((s, i) => {
      const colour = PALETTE[i % PALETTE.length];
      const highlighted = new Set(s.highlighted);
      if (s.kind === 'BAR') {
        series.push({
          type: 'bar', name: s.name, itemStyle: { color: colour }, barMaxWidth: 28,
          data: s.values.map((v, index) => v === null
            ? { value: null }
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
      }
      // a suppressed value is a gap; a hollow marker on the axis says a figure exists but is not shown.
      // Markers come after every data series, so series i of the data is series i of the chart.
      if (s.values.some((v) => v === null)) {
        markers.push({
          type: 'scatter', name: HIDDEN_LABEL, symbol: 'emptyCircle', symbolSize: 9, symbolOffset: [0, -6],
          itemStyle: { color: SUPPRESSED_LINE, borderWidth: 1.5 }, z: 5,
          data: s.values.map((v, index) => (v === null ? { value: [index, 0], hiddenOf: s.name } : null)),
        });
      }
    });
    series.push(...markers);
    const anySuppressed = d.series.some((s) => s.values.some((v) => v === null));
    const legendNames = [...d.series.map((s) => s.name), ...(anySuppressed ? [HIDDEN_LABEL] : [])];
    const legendShown = d.series.length > 1 || anySuppressed;
    return {
      aria: { enabled: true },
      animation: false,
      color: PALETTE,
      title: { text: d.title, subtext: d.subtitle, left: 8, top: 4,
        textStyle: { fontSize: 14, fontWeight: 600 }, subtextStyle: { fontSize: 11 } },
      legend: {
        data: legendNames.map((name) => (name === HIDDEN_LABEL ? { name, icon: 'emptyCircle' } : { name })),
        // wraps when the names do not fit; the plot starts below however many lines it takes
        top: d.subtitle ? 46 : 30, left: 8, right: 8, show: legendShown,
      },
      grid: { left: 64, right: 16, top: (d.subtitle ? 50 : 34) + (legendShown ? 24 * this.legendLines(legendNames) : 0) + 8,
        bottom: this.xNameGap(d) + 20 },
      tooltip: { trigger: 'item', formatter: (p: unknown) => this.tooltipFor(p as Point) },
      xAxis: { type: 'category', data: d.categories, name: d.xAxisTitle, nameLocation: 'middle',
        nameGap: this.xNameGap(d),
        axisLabel: this.axisLabelFor(d) },
      yAxis: { type: 'value', name: d.yAxisTitle, nameLocation: 'middle', nameGap: 46, min: 0 },
      series,
    };
  }

  /** Lines the legend wraps onto: each entry is its icon, its name and the gap to the next. */
  private legendLines(names: string[]): number {
    const available = Math.max(100, (this.clientWidth || 600) - 16);
    let lines = 1;
    let used = 0;
    for (const name of names) {
      const width = 25 + 5 + name.length * CHAR_PX + 10;
      if (used > 0 && used + width > available) {
        lines++;
        used = 0;
      }
      used += width;
    }
    return lines;
  }

  /** The width of the plotting area. */
  private plotWidth(): number {
    return Math.max(100, (this.clientWidth || 600) - 64 - 16);
  }

  private longestLabelPx(d: ChartData): number {
    return Math.max(0, ...d.categories.map((c) => c.length)) * CHAR_PX;
  }

  /** Room under the axis for its labels (more when they are rotated), then the axis title. */
  private xNameGap(d: ChartData): number {
    return this.labelRotation(d) ? Math.round(16 + this.longestLabelPx(d) * 0.71) : 28;
  }

  /** 0 when the labels fit side by side, else 45 degrees. */
  private labelRotation(d: ChartData): number {
    const perCategory = this.plotWidth() / Math.max(1, d.categories.length);
    return this.longestLabelPx(d) + 6 <= perCategory ? 0 : 45;
  }

  /** Flat if they fit; otherwise rotated; and if rotated labels still crowd, every n-th label only. */
  private axisLabelFor(d: ChartData): object {
    const rotate = this.labelRotation(d);
    const perCategory = this.plotWidth() / Math.max(1, d.categories.length);
    const interval = rotate === 0 ? 0 : Math.max(0, Math.ceil(ROTATED_STEP_PX / perCategory) - 1);
    return { rotate, interval, hideOverlap: true, fontSize: 12 };
  }

  /** "240 ± 9 devices", "240 devices" (exact), or the hidden text. */
  private figureText(d: ChartData, s: SeriesData, index: number): string {
    const value = s.values[index];
    if (value === null || value === undefined) {
      return HIDDEN_LABEL;
    }
    const margin = s.margins?.[index] ?? 0;
    return `${value.toLocaleString('en')}${margin > 0 ? ` ± ${margin}` : ''} ${d.valueUnit}`.trim();
  }

  /** Text only: series and category names may come from operator files. */
  private tooltipFor(p: Point & { data?: { hiddenOf?: string } }): HTMLElement {
    const d = this.data!;
    const el = document.createElement('div');
    const head = document.createElement('strong');
    head.textContent = d.categories[p.dataIndex] ?? p.name;
    el.append(head);
    const seriesName = p.data?.hiddenOf ?? p.seriesName;
    const series = d.series.find((s) => s.name === seriesName);
    const line = document.createElement('div');
    const figure = series ? this.figureText(d, series, p.dataIndex) : HIDDEN_LABEL;
    line.textContent = d.series.length > 1 ? `${seriesName}: ${figure}` : figure;
    el.append(line);
    if (series && series.values[p.dataIndex] !== null && (series.margins?.[p.dataIndex] ?? 0) > 0) {
      const note = document.createElement('div');
      note.style.fontSize = '11px';
      note.style.color = SUPPRESSED_LINE;
      note.textContent = '± = 95 % margin of the added noise';
      el.append(note);
    }
    return el;
  }
}

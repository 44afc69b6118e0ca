/*
 * <crowdlens-area-map>: a Leaflet choropleth of predefined areas, driven from Java (AreaMap.java).
 * Everything the operator's files name (area names) is rendered as text, never as HTML.
 * Works without tiles: areas are drawn with outlines on a plain background.
 */
import { LitElement, css, html, unsafeCSS } from 'lit';
import { customElement } from 'lit/decorators.js';
import * as L from 'leaflet';
import leafletStyles from 'leaflet/dist/leaflet.css?inline';

interface MapArea { id: string; name: string; geometry: GeoJSON.Geometry; }
interface AreaShade { colour: string | null; label: string; suppressed: boolean; }
interface LegendEntry { colour: string | null; label: string; suppressed: boolean; }
interface Legend { title: string; entries: LegendEntry[]; note: string; }
/** Overlays: flows between two points, polylines (corridors) and point markers (sites). */
interface Flow { id: string; from: [number, number]; to: [number, number]; weight: number; colour: string | null; label: string; }
interface Polyline { id: string; path: [number, number][]; colour: string | null; widthPx: number; label: string; }
interface PointMarker { id: string; position: [number, number]; colour: string | null; radiusPx: number; label: string; }

const OVERLAY_COLOUR = '#0072B2';
const FLOW_MIN_WIDTH = 1.5;
const FLOW_MAX_WIDTH = 12;

const HATCH_ID = 'crowdlens-hatch';
const OUTLINE = '#4a5560';
const SELECTED_OUTLINE = '#d6336c';

@customElement('crowdlens-area-map')
export class CrowdlensAreaMap extends LitElement {
  static styles = [
    unsafeCSS(leafletStyles),
    css`
      /* the legend is a strip under the map, never over it: no area is hidden behind it */
      :host { display: flex; flex-direction: column; min-height: 320px; }
      #map { position: relative; flex: 1 1 auto; min-height: 240px; background: #eef0f2; }
      .legend {
        display: flex; flex-wrap: wrap; align-items: center; column-gap: 14px; row-gap: 2px;
        padding: 6px 4px 0; font: 12px/1.45 system-ui, sans-serif; color: #1c252e;
      }
      .legend[hidden] { display: none; }
      .legend .title { font-weight: 600; }
      .legend .note { color: #4a5560; flex-basis: 100%; }
      .swatch { display: inline-block; width: 14px; height: 14px; margin-right: 6px; vertical-align: -2px;
        border: 1px solid ${unsafeCSS(OUTLINE)}; }
      .swatch.suppressed { background: repeating-linear-gradient(45deg, #9aa3ab 0 2px, #fff 2px 5px); }
    `,
  ];

  private map?: L.Map;
  private renderer = L.svg();
  private areasLayer?: L.GeoJSON;
  private shades: Record<string, AreaShade> = {};
  private selected = new Set<string>();
  private tiles?: L.TileLayer;
  private legend: Legend | null = null;
  private overlays: Record<'flows' | 'lines' | 'points', L.LayerGroup | undefined> = {
    flows: undefined, lines: undefined, points: undefined,
  };
  private overlayStyles = new Map<string, { layer: L.Path; base: L.PathOptions; kind: string }>();
  private selectedOverlays = new Set<string>();
  /** A fit asked for before the element had a size (hidden, not yet laid out): done on the first real size. */
  private pendingFit = false;

  render() {
    return html`<div id="map"></div>${this.renderLegend()}`;
  }

  private renderLegend() {
    const legend = this.legend;
    if (!legend) {
      return html`<div class="legend" hidden></div>`;
    }
    return html`<div class="legend" part="legend">
      <div class="title">${legend.title}</div>
      ${legend.entries.map(
        (e) => html`<div>
          <span class="swatch ${e.suppressed ? 'suppressed' : ''}" style="background-color:${e.colour ?? 'transparent'}"></span
          >${e.label}
        </div>`,
      )}
      ${legend.note ? html`<div class="note">${legend.note}</div>` : ''}
    </div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('#map') as HTMLElement;
    this.map = L.map(container, { renderer: this.renderer, zoomSnap: 0.25, attributionControl: true });
    this.map.setView([0, 0], 2);
    this.addHatchPattern();
    new ResizeObserver(() => {
      this.map?.invalidateSize();
      if (this.pendingFit && this.hasSize()) {
        this.pendingFit = false;
        this.fitNow();
      }
    }).observe(this);
  }

  /** Leaflet draws SVG paths; suppressed areas are filled with this hatch, never with a zero colour. */
  private addHatchPattern() {
    this.renderer.addTo(this.map!);
    const svg = (this.renderer as unknown as { _container: SVGSVGElement })._container;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = document.createElementNS(ns, 'defs');
    const pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', HATCH_ID);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '6');
    pattern.setAttribute('height', '6');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const bg = document.createElementNS(ns, 'rect');
    bg.setAttribute('width', '6');
    bg.setAttribute('height', '6');
    bg.setAttribute('fill', '#ffffff');
    const line = document.createElementNS(ns, 'rect');
    line.setAttribute('width', '2');
    line.setAttribute('height', '6');
    line.setAttribute('fill', '#9aa3ab');
    pattern.append(bg, line);
    defs.append(pattern);
    svg.prepend(defs);
  }

  // Java calls can arrive before Lit's first render has created the map: each waits for it.
  async setTiles(urlTemplate: string, attribution: string) {
    await this.updateComplete;
    this.tiles?.remove();
    this.tiles = undefined;
    if (urlTemplate) {
      this.tiles = L.tileLayer(urlTemplate, { attribution, maxZoom: 18 }).addTo(this.map!);
    }
  }

  async setAreas(areasJson: string) {
    await this.updateComplete;
    const areas = JSON.parse(areasJson) as MapArea[];
    this.areasLayer?.remove();
    const collection: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.map((a) => ({ type: 'Feature', id: a.id, properties: { id: a.id, name: a.name }, geometry: a.geometry })),
    };
    this.areasLayer = L.geoJSON(collection, {
      style: (f) => this.styleFor(f!.properties.id),
      onEachFeature: (feature, layer) => {
        const id = feature.properties.id as string;
        layer.bindTooltip(() => this.tooltipFor(id, feature.properties.name as string), { sticky: true });
        layer.on('click', (e: L.LeafletMouseEvent) => {
          this.dispatchEvent(new CustomEvent('area-click', { detail: { id, shift: e.originalEvent.shiftKey } }));
        });
      },
    }).addTo(this.map!);
  }

  async setShading(shadesJson: string, legendJson: string) {
    await this.updateComplete;
    this.shades = JSON.parse(shadesJson);
    this.legend = JSON.parse(legendJson);
    this.restyle();
    this.requestUpdate();
  }

  /** Outlines the selected areas, draws them above their neighbours and brings them into view. */
  async setSelection(idsJson: string) {
    await this.updateComplete;
    this.selected = new Set(JSON.parse(idsJson) as string[]);
    this.restyle();
    let bounds: L.LatLngBounds | undefined;
    this.areasLayer?.eachLayer((layer) => {
      const id = ((layer as L.GeoJSON).feature as GeoJSON.Feature).properties?.id as string;
      if (this.selected.has(id)) {
        (layer as L.Path).bringToFront();
        const b = (layer as L.Polygon).getBounds();
        bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      }
    });
    if (bounds && bounds.isValid() && this.hasSize() && !this.map!.getBounds().contains(bounds)) {
      // widen the view just enough to show the chosen area too (the user's view is kept otherwise)
      this.map!.fitBounds(this.map!.getBounds().extend(bounds), { padding: [12, 12], animate: false });
    }
  }

  /** Fits the view to the areas; when the element has no size yet, as soon as it has one. */
  async fitToAreas() {
    await this.updateComplete;
    if (!this.hasSize()) {
      this.pendingFit = true;
      return;
    }
    this.fitNow();
  }

  private hasSize(): boolean {
    return this.clientWidth > 0 && this.clientHeight > 0;
  }

  private fitNow() {
    this.map!.invalidateSize();
    const bounds = this.areasLayer?.getBounds();
    if (bounds && bounds.isValid()) {
      this.map!.fitBounds(bounds, { padding: [12, 12] });
    }
  }

  /**
   * Weighted flows from one point to another, drawn as curves bending to the right of their direction
   * (so A to B and B to A stay apart), width by weight (square root, relative to the largest), with a
   * dot at the destination.
   */
  async setFlows(flowsJson: string) {
    await this.updateComplete;
    const flows = JSON.parse(flowsJson) as Flow[];
    const maxWeight = Math.max(1, ...flows.map((f) => f.weight));
    const group = this.replaceOverlay('flows');
    for (const flow of [...flows].sort((a, b) => b.weight - a.weight)) {
      const width = FLOW_MIN_WIDTH + (FLOW_MAX_WIDTH - FLOW_MIN_WIDTH) * Math.sqrt(flow.weight / maxWeight);
      const base: L.PathOptions = { color: flow.colour ?? OVERLAY_COLOUR, weight: width, opacity: 0.75, lineCap: 'round' };
      const curve = L.polyline(curvePoints(flow.from, flow.to), { ...base, renderer: this.renderer });
      this.addOverlayItem(group, 'flows', flow.id, flow.label, curve, base);
      L.circleMarker(flow.to, { radius: 3, color: base.color, fillOpacity: 1, weight: 1, renderer: this.renderer,
        interactive: false }).addTo(group);
    }
  }

  /** Polylines such as highway corridors. */
  async setLines(linesJson: string) {
    await this.updateComplete;
    const lines = JSON.parse(linesJson) as Polyline[];
    const group = this.replaceOverlay('lines');
    for (const line of lines) {
      const base: L.PathOptions = { color: line.colour ?? OVERLAY_COLOUR, weight: line.widthPx, opacity: 0.85 };
      this.addOverlayItem(group, 'lines', line.id, line.label, L.polyline(line.path, { ...base, renderer: this.renderer }), base);
    }
  }

  /** Point markers such as sites: circles of a fixed pixel radius. */
  async setPoints(pointsJson: string) {
    await this.updateComplete;
    const points = JSON.parse(pointsJson) as PointMarker[];
    const group = this.replaceOverlay('points');
    for (const point of points) {
      const base: L.PathOptions = { color: '#1c252e', weight: 1.5, fillColor: point.colour ?? OVERLAY_COLOUR, fillOpacity: 0.9 };
      const marker = L.circleMarker(point.position, { ...base, radius: point.radiusPx, renderer: this.renderer });
      this.addOverlayItem(group, 'points', point.id, point.label, marker, base);
    }
  }

  /** Overlay items (any kind) drawn as selected: a thick magenta outline. */
  async setOverlaySelection(idsJson: string) {
    await this.updateComplete;
    this.selectedOverlays = new Set(JSON.parse(idsJson) as string[]);
    this.overlayStyles.forEach((entry, key) => entry.layer.setStyle(this.overlayStyle(key, entry.base, entry.kind)));
  }

  /** Fit the view to the areas and every overlay. */
  async fitToContent() {
    await this.updateComplete;
    let bounds = this.areasLayer?.getBounds();
    for (const group of Object.values(this.overlays)) {
      group?.eachLayer((layer) => {
        const b = (layer as L.Polyline).getBounds?.() ?? L.latLngBounds([(layer as L.CircleMarker).getLatLng()]);
        bounds = bounds && bounds.isValid() ? bounds.extend(b) : b;
      });
    }
    if (bounds && bounds.isValid()) {
      this.map!.fitBounds(bounds, { padding: [12, 12] });
    }
  }

  private replaceOverlay(kind: 'flows' | 'lines' | 'points'): L.LayerGroup {
    this.overlays[kind]?.remove();
    for (const [key, entry] of [...this.overlayStyles]) {
      if (entry.kind === kind) {
        this.overlayStyles.delete(key);
      }
    }
    const group = L.layerGroup().addTo(this.map!);
    this.overlays[kind] = group;
    return group;
  }

  private addOverlayItem(group: L.LayerGroup, kind: string, id: string, label: string, layer: L.Path, base: L.PathOptions) {
    const key = `${kind}:${id}`;
    this.overlayStyles.set(key, { layer, base, kind });
    layer.setStyle(this.overlayStyle(key, base, kind));
    layer.bindTooltip(() => textTooltip(label), { sticky: true });
    layer.on('click', (e: L.LeafletMouseEvent) => {
      L.DomEvent.stopPropagation(e);
      this.dispatchEvent(new CustomEvent('overlay-click', { detail: { kind, id, shift: e.originalEvent.shiftKey } }));
    });
    layer.addTo(group);
  }

  private overlayStyle(key: string, base: L.PathOptions, kind: string): L.PathOptions {
    if (!this.selectedOverlays.has(key.substring(key.indexOf(':') + 1))) {
      return base;
    }
    return kind === 'points' ? { ...base, color: SELECTED_OUTLINE, weight: 4 } : { ...base, color: SELECTED_OUTLINE, opacity: 1 };
  }

  private restyle() {
    this.areasLayer?.eachLayer((layer) => {
      const path = layer as L.Path & { feature: GeoJSON.Feature };
      path.setStyle(this.styleFor(path.feature.properties!.id));
    });
  }

  private styleFor(id: string): L.PathOptions {
    const shade = this.shades[id];
    const selected = this.selected.has(id);
    const fill = !shade ? 'transparent' : shade.suppressed ? `url(#${HATCH_ID})` : (shade.colour ?? 'transparent');
    return {
      color: selected ? SELECTED_OUTLINE : OUTLINE,
      weight: selected ? 3 : 0.8,
      fillColor: fill,
      fillOpacity: shade ? 0.78 : 0,
    };
  }

  /** Text only: area names come from operator files. */
  private tooltipFor(id: string, name: string): HTMLElement {
    const el = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = name;
    el.append(title);
    const shade = this.shades[id];
    if (shade) {
      const value = document.createElement('div');
      value.textContent = shade.label;
      el.append(value);
    }
    return el;
  }
}

/** A tooltip of plain text lines (the first bold): labels may come from operator files, so never HTML. */
function textTooltip(label: string): HTMLElement {
  const el = document.createElement('div');
  label.split('\n').forEach((line, i) => {
    const row = document.createElement(i === 0 ? 'strong' : 'div');
    row.textContent = line;
    el.append(row);
  });
  return el;
}

/** Points of a quadratic curve from a to b bending to the right of the direction of travel. */
function curvePoints(a: [number, number], b: [number, number]): [number, number][] {
  const [lat1, lng1] = a;
  const [lat2, lng2] = b;
  const bend = 0.18;
  const ctrlLat = (lat1 + lat2) / 2 - (lng2 - lng1) * bend;
  const ctrlLng = (lng1 + lng2) / 2 + (lat2 - lat1) * bend;
  const points: [number, number][] = [];
  for (let i = 0; i <= 16; i++) {
    const t = i / 16;
    const u = 1 - t;
    points.push([u * u * lat1 + 2 * u * t * ctrlLat + t * t * lat2, u * u * lng1 + 2 * u * t * ctrlLng + t * t * lng2]);
  }
  return points;
}

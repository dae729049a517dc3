// The results on a Leaflet map. Markers are vector circles, so they show even when no tile
// can load (the tile layer is optional: VITE_MAP_TILE_URL, e.g. an internal tile server).
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { SearchResponse } from '@/api/types';
import { euros } from '@/domain/format';

/** The map tiles' URL template, when the build names one. */
export const TILE_URL = import.meta.env.VITE_MAP_TILE_URL as string | undefined;

/** The results to draw, the centre to highlight and what a click on a centre does. */
export interface MapViewProps {
  data: SearchResponse;
  selected?: string | null;
  onSelect?: (centreId: string) => void;
}

/** The results on a map, each centre a marker. */
export default function MapView({ data, selected, onSelect }: MapViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { scrollWheelZoom: false, attributionControl: !!TILE_URL });
    if (TILE_URL) L.tileLayer(TILE_URL, { maxZoom: 18, attribution: '© OpenStreetMap' }).addTo(m);
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const points: L.LatLngExpression[] = [[data.origin.lat, data.origin.lng]];
    L.circleMarker([data.origin.lat, data.origin.lng], { radius: 7, color: '#1a202c', weight: 2, fillColor: '#4299e1', fillOpacity: 1 })
      .bindTooltip(data.origin.label || 'Point de recherche')
      .addTo(group);
    for (const r of data.results) {
      const active = r.centre.id === selected;
      const marker = L.circleMarker([r.centre.lat, r.centre.lng], {
        radius: active ? 12 : 9,
        color: '#1a202c',
        weight: 2,
        fillColor: active ? '#b84d00' : '#ff6b00',
        fillOpacity: 0.95,
        className: 'pti-centre-marker',
      })
        .bindTooltip(`${r.centre.name} — ${euros(r.price_cents)}`)
        .addTo(group);
      marker.on('click', () => onSelect?.(r.centre.id));
      points.push([r.centre.lat, r.centre.lng]);
    }
    if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
    else m.setView(points[0]!, 12);
  }, [data, selected, onSelect]);

  return (
    <div
      ref={box}
      data-testid="results-map"
      role="region"
      aria-label="Carte des centres"
      className="relative z-0 h-64 w-full rounded-lg bg-[#e8eef3] lg:h-[calc(100dvh-12rem)]"
    />
  );
}

// The agencies on a map, grouped into clusters where they are close; a click on an agency opens it.
import { useEffect, useRef } from 'react';
import type { Agency } from '@/api/types';
import { FRANCE, L, networkMap, pinIcon } from './leaflet';

/** Props of {@link AgencyMap}. */
export interface AgencyMapProps {
  agencies: readonly Agency[];
  onOpen: (agencyId: string) => void;
}

/** A map of `agencies` (those with a point), clustered. */
export default function AgencyMap({ agencies, onOpen }: AgencyMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const m = networkMap(box.current);
    map.current = m;
    cluster.current = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }).addTo(m);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = cluster.current;
    if (!m || !group) return;
    group.clearLayers();
    const points: L.LatLngTuple[] = [];
    for (const a of agencies) {
      if (a.lat == null || a.lng == null) continue;
      const marker = L.marker([a.lat, a.lng], { icon: pinIcon(a.name, a.status === 'active'), title: a.name, alt: a.name, keyboard: true });
      marker.bindTooltip(`${a.name} (${a.code}) — ${a.city}`);
      marker.on('click', () => onOpen(a.id));
      group.addLayer(marker);
      points.push([a.lat, a.lng]);
    }
    if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12 });
    else m.setView(points[0] ?? FRANCE, points[0] ? 11 : 5);
  }, [agencies, onOpen]);

  return <div ref={box} data-testid="agency-map" role="region" aria-label="Carte des agences" className="relative z-0 h-72 w-full rounded-lg bg-[#e8eef3] lg:h-96" />;
}

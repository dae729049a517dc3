// Leaflet for the network's maps, with marker clustering: the plugin extends the global `L`,
// which is set before it loads. Markers are HTML (divIcon), so they show with no tile server;
// tiles are drawn only when the build names one (VITE_MAP_TILE_URL).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './leafletGlobal';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

/** The map tiles' URL template, when the build names one. */
const TILE_URL = import.meta.env.VITE_MAP_TILE_URL as string | undefined;

/** Metropolitan France, when there is nothing to show. */
export const FRANCE: L.LatLngTuple = [46.6, 2.4];

/** The zoom range of every map: Leaflet takes it from the tiles, and there may be none. */
const ZOOM = { minZoom: 3, maxZoom: 18 } as const;

/** A map in `box`, with tiles when the build names a tile server. */
export function networkMap(box: HTMLElement, options: L.MapOptions = {}): L.Map {
  const map = L.map(box, { scrollWheelZoom: false, attributionControl: !!TILE_URL, ...ZOOM, ...options });
  if (TILE_URL) L.tileLayer(TILE_URL, { ...ZOOM, attribution: '© OpenStreetMap' }).addTo(map);
  return map;
}

/** A round pin drawn in HTML, `label` its accessible name. */
export function pinIcon(label: string, active = true): L.DivIcon {
  const colour = active ? '#ff6b00' : '#718096';
  return L.divIcon({
    className: 'pti-network-pin',
    html: `<span role="img" aria-label="${label.replace(/[&<>"]/g, '')}" style="display:block;width:18px;height:18px;border-radius:9999px;border:2px solid #1a202c;background:${colour}"></span>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
  });
}

export { L };

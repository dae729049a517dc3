// A small map with one draggable pin: where the admin puts it is the place's point.
import { useEffect, useRef } from 'react';
import { FRANCE, L, networkMap, pinIcon } from './leaflet';

/** Props of {@link PinMap}. */
export interface PinMapProps {
  lat: number | null;
  lng: number | null;
  /** Called with the point where the pin was dropped, rounded to about a metre. */
  onMove: (lat: number, lng: number) => void;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The place's point as a pin to drag; a click on the map moves it there too. */
export default function PinMap({ lat, lng, onMove }: PinMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const pin = useRef<L.Marker | null>(null);
  const moved = useRef(onMove);
  useEffect(() => {
    moved.current = onMove;
  }, [onMove]);
  const start = useRef<L.LatLngTuple>(lat !== null && lng !== null ? [lat, lng] : FRANCE);

  useEffect(() => {
    if (!box.current) return;
    const m = networkMap(box.current);
    m.setView(start.current, start.current === FRANCE ? 5 : 14);
    const marker = L.marker(start.current, { draggable: true, icon: pinIcon('Position'), title: 'Position', keyboard: true }).addTo(m);
    const drop = (at: L.LatLng) => moved.current(round(at.lat), round(at.lng));
    marker.on('dragend', () => drop(marker.getLatLng()));
    m.on('click', (e: L.LeafletMouseEvent) => {
      marker.setLatLng(e.latlng);
      drop(e.latlng);
    });
    pin.current = marker;
    return () => {
      m.remove();
      pin.current = null;
    };
  }, []);

  useEffect(() => {
    if (lat !== null && lng !== null) pin.current?.setLatLng([lat, lng]);
  }, [lat, lng]);

  return <div ref={box} data-testid="pin-map" role="region" aria-label="Position sur la carte : déplacez l’épingle" className="relative z-0 h-56 w-full rounded-lg bg-[#e8eef3]" />;
}

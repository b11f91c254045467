/** Great-circle distance, as the crow flies, which is what "distance" means on a court finder. */

const EARTH_RADIUS_MILES = 3958.8

export function distanceMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Miles to one decimal place, as shown to people. */
export function roundMiles(miles: number): number {
  return Math.round(miles * 10) / 10
}

import type { CourtroomKind } from '@courtassist/contracts';
import type { Db } from '../../platform/db.js';
import { courtsForRooms, insertCourtrooms } from './hearings.repository.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

interface RoomPlan {
  courtId: number;
  name: string;
  kind: CourtroomKind;
  location: string;
  capacity: number | null;
}

/**
 * The rooms of one court: a basic or intermediate court has four to six numbered courtrooms
 * (第一法庭 …) and a 科技法庭 for online hearings, a basic court also a vehicle-mounted court
 * (车载法庭) for circuit hearings; a people's tribunal has its one courtroom.
 */
export function roomsOfCourt(court: { id: number; level: string; name: string }, index: number): RoomPlan[] {
  if (court.level === 'tribunal') {
    const town = /法院(.+)人民法庭$/.exec(court.name)?.[1] ?? '';
    return [{ courtId: court.id, name: `${town}法庭审判庭`, kind: 'tribunal-room', location: '法庭办公楼一层', capacity: 40 }];
  }
  if (court.level !== 'basic' && court.level !== 'intermediate') return [];
  const count = 4 + (index % 3);
  const rooms: RoomPlan[] = NUMERALS.slice(0, count).map((numeral, i) => ({
    courtId: court.id,
    name: `第${numeral}法庭`,
    kind: 'courtroom',
    location: `审判楼${Math.floor(i / 2) + 1}层`,
    capacity: i === 0 ? 120 : 60,
  }));
  rooms.push({ courtId: court.id, name: '科技法庭', kind: 'online', location: '审判楼1层（互联网庭审）', capacity: 30 });
  if (court.level === 'basic') rooms.push({ courtId: court.id, name: '车载法庭', kind: 'vehicle', location: '巡回审判车', capacity: 12 });
  return rooms;
}

/**
 * Demo courtrooms for every court that has none yet; returns how many were made. Like the rest of
 * the demo data it is covered by the seed's own audit record, not one record per room.
 */
export async function seedCourtrooms(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const courts = await courtsForRooms(tx);
    return insertCourtrooms(
      tx,
      courts.flatMap((court, index) => (court.rooms > 0 ? [] : roomsOfCourt(court, index))),
    );
  });
}

/** One member of a zip, written exactly as described: the body is stored as given. */
export interface ZipRecord {
  name: string;
  /** 0 stored, 8 deflated (the body is then raw deflate data). */
  method: 0 | 8;
  crc32: number;
  /** The uncompressed size the headers declare. */
  uncompressedSize: number;
  body: Buffer;
}

const UTF8_NAMES = 0x0800;
const DOS_DATE_1980_01_01 = 0x21;

/** A single-disk zip (no zip64, so under 4 GB and 65,535 members) holding the records in order. */
export function writeZip(records: readonly ZipRecord[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const record of records) {
    const name = Buffer.from(record.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, record, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeCommon(central, 6, record, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, record.body);
    centrals.push(central, name);
    offset += local.length + name.length + record.body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields local and central headers share, from "version needed" to the name length. */
function writeCommon(header: Buffer, at: number, record: ZipRecord, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(record.method, at + 4);
  header.writeUInt16LE(0, at + 6);
  header.writeUInt16LE(DOS_DATE_1980_01_01, at + 8);
  header.writeUInt32LE(record.crc32 >>> 0, at + 10);
  header.writeUInt32LE(record.body.length, at + 14);
  header.writeUInt32LE(record.uncompressedSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

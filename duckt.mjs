import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
const T = process.argv[2];
for (const [f, nl] of [['BADN.csv','\\n'],['MISS.csv','\\n'],['Q.csv','\\n'],['F80.csv','\\n'],['BIG.csv','\\n'],['MIX.csv','\\r\\n'],['NUL.csv','\\n']]) {
  try {
    const r = await c.runAndReadAll(`SELECT * FROM read_csv('${T}/${f}', header=false, skip=1, auto_detect=false, delim=',', quote='"', escape='"', max_line_size=1048576, new_line='${nl}', columns={'c0':'VARCHAR','c1':'DOUBLE'})`);
    console.log(f, JSON.stringify(r.getRowsJS()));
  } catch (e) { console.log(f, 'ERR', JSON.stringify(e.message.slice(0,600))); }
}

import { LocalFiles } from "./LocalFiles";
import { S3Files } from "./S3Files";

// The backend chosen at run time: calls may reach the presigning one.
const files = process.env.LOCAL ? new LocalFiles() : new S3Files();
export default files;

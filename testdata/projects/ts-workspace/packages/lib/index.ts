export { signDownload } from "./upload/sign";

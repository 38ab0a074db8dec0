// The lifetime every storage backend signs with unless told otherwise, inherited.
export default abstract class BaseFiles {
  public static defaultTtl = 2 * 86400;
}

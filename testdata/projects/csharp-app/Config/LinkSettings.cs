namespace Acme.Config
{
    public static class LinkSettings
    {
        public const int Day = 86400;
        public const int LinkTtl = 2 * Day;
        public static readonly int ShortTtl = 300;
    }
}

<?php
// Laravel, Google Cloud Storage and Aliyun OSS in PHP (issue 15).
use Carbon\Carbon;
use Illuminate\Support\Facades\Storage;

class Downloads
{
    public function disk(string $path): string
    {
        return Storage::disk('s3')->temporaryUrl($path, now()->addDays(5)); // expect: excessive-expiry
    }

    public function facade(string $path): string
    {
        return Storage::temporaryUrl($path, Carbon::now()->addHours(2)); // expect: excessive-expiry
    }

    public function upload(string $path): array
    {
        return Storage::temporaryUploadUrl($path, now()->addDays(8)); // expect: expiry-exceeds-limit
    }

    public function short(string $path): string
    {
        return Storage::temporaryUrl($path, now()->addMinutes(5));
    }

    public function gcs($object): string
    {
        return $object->signedUrl(new \DateTime('+8 days'), ['version' => 'v4']); // expect: expiry-exceeds-limit
    }

    public function gcsV2($object): string
    {
        return $object->signedUrl(new \DateTime('+2 hours')); // expect: excessive-expiry
    }

    public function oss($ossClient): string
    {
        return $ossClient->signUrl('b', 'o', 86400 * 3); // expect: excessive-expiry
    }

    // Traps: Carbon dates that are not expiries of a signed URL.
    public function traps($user): void
    {
        $user->trial_ends_at = now()->addDays(30);
        $user->subscription_renews = Carbon::now()->addYear();
        Cache::put('key', 'value', now()->addDays(10));
    }
}

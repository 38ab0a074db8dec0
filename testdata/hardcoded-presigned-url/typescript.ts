import { describe, expect, it, vi } from 'vitest';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

import { AttachmentService, type Attachment } from '../src/attachments';

// Recorded from the staging API with the deploy role's session credentials.
const RECORDED_ATTACHMENT: Attachment = {
  id: 'att_01HM3X9Q4Z',
  fileName: 'contract-signed.pdf',
  url: 'https://acme-attachments-stg.s3.us-west-2.amazonaws.com/tenants/482/contract-signed.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=ASIA2EVIH7JPGZGORL33%2F20240115%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-Security-Token=IQoJb3JpZ2luX2VjQ4Tij28yXvRqd%2Bty1Mv30L2%2BLZqkk36IoS3WTWcq6o26xNJqF38LolmDYXhKf%2BGgV2u00fghqrH2x%2BIcq7pAaXMiBDAWIVUNWB1DUJkY5Z3XKsDE455rc6pNJtWtkVVUVfpP6iEpWRzjp3cvX8uRW5uwfPvGzefeZsO0LKObJYQvyGlc%2BLzP61%2FxlVnMo%2BDOvnAnZBEPeyuoGdtQu7AuD6cW8aWAGQdwFiNxtiptbzxqq6oGjbXkjX3Hg4VIcU3QzVu8PLLhLWHZnH0JONUUz6g74OpWFaRMUh%2B8PNLd3NIzrzpBVB5rTXV68AN89LNxrS7UTTIdGcpUIcYbFICG8nnNUX1CvayRqhqM5uAf1i%2F%2FHg9spcibpi7mLyx4q01biVhSEHv%2FhOeWoggi4bVO9mLtRvtZW18x%2BL9r0HV%2FQnMjgvj4mpNDy6xLsxrBACznofzyDVqtGBmzKBJUHZS%2Fr4CTVJ93X2K%2BAxtnjmIi5qpobgqgfSZxh6zLFGJ14zDxGDhzLH8%2F9LhXH0e5CBgolmmng2odqzJELOB35NcOVqaBAe3p&X-Amz-Signature=89914454e77d57b3c93c7fd0c353eceacd737614cf074b93b86324a4c543d172&X-Amz-SignedHeaders=host&x-id=GetObject', // expect: hardcoded-presigned-url
};

// Body of the Azure export service's response, as the .NET serializer writes it.
const EXPORT_RESPONSE_BODY =
  '{"exportId":"exp-20240115-01","downloadUrl":"https://acmeexportsstg.blob.core.windows.net/exports/exp-20240115-01.zip?sv=2022-11-02\u0026st=2024-01-15T10%3A15%3A00Z\u0026se=2024-01-15T11%3A15%3A00Z\u0026sr=b\u0026sp=r\u0026spr=https\u0026sig=sTKkEUrKSy5ZkFxa2qwlgGpUZXfryj4yz5TxieBPH98%3D"}'; // expect: hardcoded-presigned-url

const GCS_AVATAR = `https://acme-avatars.storage.googleapis.com/users/9921/avatar-256.png?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=avatar-signer%40acme-social-prod.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=49ab080707c1cea4047759eb6ffe06c628931e1a0971b91d704663ce143c4925a2264ace073a7b9ab1f6ae217bd369aaa89eea203b8642993b992dd9a6fe03b4d88e5b7ab95cf14b8212fe6a484ba3f30fc1b0d1d5c60b7883483c36ee9543a7fddb6e636c90e2864c715e8c3fbe8c4ee74827667bd544c826089ab840e39d14ed034be39ab217031819cbd63361808108db8eac24f29b8bdacb7bc194ad77d769b924d115df6858478dc87978120dc0d8259b0d24c6107f136221fb0f86858872624aacaed47458477e327939b89e44c9e4f7895852a9f50504b161f77133ca26e3442b57b9ec5f7640a2c0e01e3f4f590ea97aecd50cdb584493e77b2ee013`; // expect: hardcoded-presigned-url

// The share dialog wraps the CloudFront link in the mail client's compose URL.
const SHARE_MAILTO_FALLBACK =
  'https://mail.example.org/compose?body=https%3A%2F%2Fdp8b8pq1z1ic8w.cloudfront.net%2Fwebinars%2F2024-01-15%2Frecording.mp4%3FExpires%3D1705404900%26Signature%3DhPU7vhuKAs30cyrd9fufAYbTksOzNkxrHFsmcTeKeGFqoPsQiAtiIYPt2TJkryPEC0p2WXfPuK4rj-lX37QhryC~H1~ZjDYA0LrgyiIZS7teaUFhTm0pB1tj0YIXqX8mwP~1F9VuTF3QYr0rWAVQgs6ebdOAmw1fAhFH0m7oa8Q_%26Key-Pair-Id%3DK0RDV86YJE4IMB'; // expect: hardcoded-presigned-url

// Slack's link tracker wraps the original URL.
const SLACK_REDIRECT =
  'https://slack-redir.example.net/link?url=https%3A%2F%2Facme-attachments-stg.s3.amazonaws.com%2Ftenants%2F482%2Fkickoff-notes.docx%3FX-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3DAKIAGNF3UN3KPVTOHMZT%252F20240115%252Fus-east-1%252Fs3%252Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-Expires%3D3600%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Signature%3D98facf6c9cf8e62e2fc0a1073c74a0553cd71dffff1f291c5a1eca919ffa8ca8'; // expect: hardcoded-presigned-url

const RENDERED_TEMPLATE = `
  <a class="attachment" href="https://s3.us-west-2.amazonaws.com/acme-attachments-stg/tenants/482/invoice-0042.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAPGEBEXDZXVB7C5NL%2F20240115%2Fus-west-2%2Fs3%2Faws4_request&amp;X-Amz-Date=20240115T101500Z&amp;X-Amz-Expires=300&amp;X-Amz-SignedHeaders=host&amp;X-Amz-Signature=f3060f86ff421fc67ffa4cb335f9d4f2662cc47b899ed9033ca966c5fd6a9df3">invoice-0042.pdf</a>
`; // expect^: hardcoded-presigned-url

// Not findings: a mocked presigner that returns an obvious placeholder.
vi.mock('@aws-sdk/s3-request-presigner', () => ({
  getSignedUrl: vi.fn(async () =>
    'https://acme-attachments-stg.s3.us-west-2.amazonaws.com/tenants/482/x.pdf?X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000000',
  ),
}));

describe('AttachmentService', () => {
  const client = new S3Client({ region: 'us-west-2' });
  const service = new AttachmentService(client, 'acme-attachments-stg');

  it('signs links for at most fifteen minutes', async () => {
    await service.linkFor('tenants/482/contract-signed.pdf');
    expect(getSignedUrl).toHaveBeenCalledWith(client, expect.any(GetObjectCommand), { expiresIn: 900 });
  });

  it('never hands out recorded links', () => {
    const sig = 'placeholder';
    const built = `https://acme-attachments-stg.s3.us-west-2.amazonaws.com/a.pdf?X-Amz-Signature=${sig}`;
    expect(service.isFresh(RECORDED_ATTACHMENT)).toBe(false);
    expect(built).toContain('X-Amz-Signature');
    expect(JSON.parse(EXPORT_RESPONSE_BODY).exportId).toBe('exp-20240115-01');
    expect(GCS_AVATAR).toMatch(/X-Goog-Signature=[0-9a-f]+$/);
    expect(SHARE_MAILTO_FALLBACK).toContain('cloudfront.net');
    expect(SLACK_REDIRECT).toContain('amazonaws.com');
    expect(RENDERED_TEMPLATE).toContain('invoice-0042.pdf');
  });
});

// A presigner known by the type it is declared with: a field, a constructor's parameter
// property, a function's parameter.
import { S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import { HttpRequest } from "@smithy/protocol-http";

export class Links {
  private presigner: S3RequestPresigner;

  constructor(private readonly signer: S3RequestPresigner, presigner: S3RequestPresigner) {
    this.presigner = presigner;
  }

  field(request: HttpRequest) {
    return this.presigner.presign(request, { expiresIn: 86400 }); // expect: excessive-expiry
  }

  parameterProperty(request: HttpRequest) {
    return this.signer.presign(request, { expiresIn: 2 * 86400 }); // expect: excessive-expiry
  }

  short(request: HttpRequest) {
    return this.presigner.presign(request, { expiresIn: 300 });
  }
}

export function byParameter(presigner: S3RequestPresigner, request: HttpRequest) {
  return presigner.presign(request, { expiresIn: 86400 }); // expect: excessive-expiry
}

interface Presigner {
  presign(request: HttpRequest, options: { expiresIn: number }): Promise<HttpRequest>;
}

// Trap: the same method of a type of the project's own.
export function ownType(presigner: Presigner, request: HttpRequest) {
  return presigner.presign(request, { expiresIn: 86400 });
}

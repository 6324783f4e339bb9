import { AppError } from "@zhichan/core";
import {
  isValidIdCardNumber,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  normalisePhone,
} from "@zhichan/core/accounts/index.ts";
import type { DataCipher } from "./data-cipher.js";

export interface EncodedPhone {
  phone_enc: string;
  phone_mask: string;
}
export interface EncodedIdNumber {
  id_number_enc: string;
  id_number_mask: string;
  id_number_hmac: string;
}

/** Checks, encrypts and masks personal data on the way in; decrypts only for an audited reveal. */
export class PiiCodec {
  constructor(private readonly cipher: DataCipher) {}

  phone(raw: string): EncodedPhone {
    const p = normalisePhone(raw);
    if (!p) throw new AppError("BAD_REQUEST", "手机号码格式不正确 · not a mainland mobile number", { field: "phone" });
    return { phone_enc: this.cipher.encrypt(p), phone_mask: maskPhone(p) };
  }

  idNumber(raw: string): EncodedIdNumber {
    const id = normaliseIdNumber(raw);
    if (!isValidIdCardNumber(id)) {
      throw new AppError("BAD_REQUEST", "身份证号码校验失败 · the ID number fails the GB 11643 check", {
        field: "idNumber",
      });
    }
    return {
      id_number_enc: this.cipher.encrypt(id),
      id_number_mask: maskIdNumber(id),
      id_number_hmac: this.idHmac(id),
    };
  }

  idHmac(normalisedId: string): string {
    return this.cipher.blindIndex(`id:${normalisedId}`);
  }

  reveal(enc: string | null): string | null {
    return enc ? this.cipher.decrypt(enc) : null;
  }
}

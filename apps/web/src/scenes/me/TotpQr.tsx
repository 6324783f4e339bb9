import { QRCode } from "antd";
import "./totp-qr.css";

/**
 * The otpauth:// address as a QR code an authenticator app scans. Drawn as SVG by antd's QRCode, which renders with
 * @rc-component/qrcode (the maintained fork of qrcode.react that antd ships): no extra package. Dark on white with a
 * quiet zone, at a size phone cameras read from a screen; the lowest error correction keeps the modules large (a
 * screen is not a scratched label).
 */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  return (
    <div className="totp-qr" role="img" aria-label={label} data-testid="totp-qr">
      <QRCode value={uri} type="svg" size={224} color="#000000" bgColor="#ffffff" errorLevel="L" bordered={false} />
    </div>
  );
}

import type { RegisterRequest } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, Radio, Result, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { register } from "../../api/accounts";
import { PolicyHint, usePasswordPolicy } from "./PasswordChangeForm";
import { errorText } from "./signin-util";
import { useText } from "./useText";

/** 注册: an enterprise or service agency registers its first user, who becomes the organisation's owner. */
export function RegisterPage() {
  const tx = useText();
  const policy = usePasswordPolicy();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: RegisterRequest & { again?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { again: _again, ...body } = v;
      // One answer for every registration (known organisation or not): show the server's message as it is.
      const res = await register({ ...body, phone: body.phone || undefined, idNumber: body.idNumber || undefined });
      setDone(res.message);
    } catch (e) {
      setError(errorText(e, tx));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={tx("注册已提交", "Registration submitted")}
        subTitle={done}
        extra={<Link to="/signin">{tx("去登录", "Sign in")}</Link>}
      />
    );
  }

  return (
    <div style={{ maxWidth: 560, margin: "32px auto" }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tx("注册", "Register")}
          </Typography.Title>
        }
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ orgKind: "enterprise" }}>
          <Form.Item name="orgKind" label={tx("机构类型", "Organisation type")}>
            <Radio.Group>
              <Radio.Button value="enterprise">{tx("企业", "Enterprise")}</Radio.Button>
              <Radio.Button value="agency">{tx("服务机构", "Service agency")}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="orgName" label={tx("机构名称", "Organisation name")} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label={tx("统一社会信用代码", "Unified social credit code")}
            rules={[{ required: true, len: 18 }]}
          >
            <Input maxLength={18} style={{ textTransform: "uppercase" }} />
          </Form.Item>
          <Form.Item name="displayName" label={tx("联系人姓名", "Your name")} rules={[{ required: true }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={tx("手机号码（可选）", "Mobile (optional)")}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="username"
            label={tx("用户名", "Username")}
            rules={[{ required: true, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,31}$/ }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <PolicyHint policy={policy} />
          <Form.Item
            name="password"
            label={tx("密码", "Password")}
            rules={[{ required: true, min: policy?.minLength ?? 8 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label={tx("再次输入密码", "Password again")}
            dependencies={["password"]}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue("password")
                    ? Promise.resolve()
                    : Promise.reject(new Error(tx("两次输入不一致", "Does not match"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {tx("注册", "Register")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
